package org.dl4jsuite.adversarial;

import org.dl4jsuite.common.classifier.Dl4jClassifier;
import org.dl4jsuite.common.classifier.Classifier;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.dl4jsuite.common.data.ImageClassData;
import org.dl4jsuite.common.data.ImageDataset;
import org.dl4jsuite.common.data.ResolvedDataset;
import org.dl4jsuite.common.runtime.ComputeBackend;
import org.dl4jsuite.common.train.InMemoryBatches;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/** Attacks on a LeNet-shaped network trained briefly on real Fashion-MNIST. */
class LeNetFashionAttackTest {
    /**
     * Training steps (batch 64, Adam 3e-3: about one epoch). A 300-step LeNet at Adam 1e-3 (76% clean) still
     * keeps 28% under PGD eps 0.1 here and 29.6% in PyTorch (reference/lenet_fashion_pgd.py): an undertrained
     * net is smoother, so the < 10% goal needs this slightly longer run (PyTorch: 86.6% clean, 2.0% under PGD).
     */
    static final int STEPS = 900;
    private static MultiLayerNetwork net;
    private static ImageClassData test;

    /** A LeNet-5-shaped classifier of flat 28×28 rows (the shape lenet-mnist trains). */
    static MultiLayerNetwork lenetShaped(long seed) {
        MultiLayerNetwork n = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(seed).updater(new Adam(3e-3))
                .list()
                .layer(new ConvolutionLayer.Builder(5, 5).nOut(6).activation(Activation.RELU).build())
                .layer(new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX).kernelSize(2, 2).stride(2, 2).build())
                .layer(new ConvolutionLayer.Builder(5, 5).nOut(16).activation(Activation.RELU).build())
                .layer(new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX).kernelSize(2, 2).stride(2, 2).build())
                .layer(new DenseLayer.Builder().nOut(120).activation(Activation.RELU).build())
                .layer(new DenseLayer.Builder().nOut(84).activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(10).activation(Activation.SOFTMAX).build())
                .setInputType(InputType.convolutionalFlat(28, 28, 1))
                .build());
        n.init();
        return n;
    }

    @BeforeAll
    static void train() {
        ComputeBackend.initialise(0);
        ImageDataset fashion = ImageDataset.FASHION;
        // Debian's dataset-fashion-mnist (/usr/share/datasets/fashion-mnist) or the resolver's other places.
        ResolvedDataset files = fashion.resolve(null);
        ImageClassData train = fashion.train(files);
        test = fashion.test(files).head(500);
        net = lenetShaped(42);
        InMemoryBatches batches = new InMemoryBatches(train.features(), train.labels(), 64, 42, true);
        java.util.Iterator<DataSet> epoch = batches.epoch(0, 0);
        for (int step = 0; step < STEPS; step++) {
            DataSet batch = epoch.next();
            net.fit(batch.getFeatures(), batch.getLabels());
        }
    }

    @Test
    void pgdWithEps01DrivesAccuracyBelowTenPercent() {
        Classifier model = Dl4jClassifier.of(net, ImageDataset.FASHION.classNames());
        Attack pgd = GradientSignAttack.pgd(GradientSignAttack.Norm.LINF, 0.1, 0.01, 40, 42);
        List<AttackEvaluation.Outcome> outcomes = AttackEvaluation.run(model, pgd, test.features(), test.labelIndex(), null,
                250, null);
        AttackEvaluation.Summary summary = AttackEvaluation.summarise(outcomes);
        assertThat(summary.cleanAccuracy()).as("clean accuracy after 300 steps").isGreaterThan(0.7);
        assertThat(summary.adversarialAccuracy()).as("accuracy under PGD eps 0.1").isLessThan(0.10);
        assertThat(summary.meanLinf()).isLessThanOrEqualTo(0.1 + 1e-6);
    }

    @Test
    void targetedAdamReachesTheTargetOnMostImages() {
        Classifier model = Dl4jClassifier.of(net, ImageDataset.FASHION.classNames());
        ImageClassData few = test.head(40);
        int[] targets = new int[few.size()];
        for (int i = 0; i < targets.length; i++) {
            targets[i] = (few.labelIndex()[i] + 5) % 10;
        }
        List<AttackEvaluation.Outcome> outcomes = AttackEvaluation.run(model, new TargetedAdamAttack(0.005, 200),
                few.features(), few.labelIndex(), targets, 40, null);
        AttackEvaluation.Summary summary = AttackEvaluation.summarise(outcomes);
        assertThat(summary.successRate()).isGreaterThan(0.9);
        assertThat(outcomes).allSatisfy(o -> assertThat(o.success()).isEqualTo(o.adversarialClass() == o.target()));
    }

    @Test
    void carliniWagnerFindsSmallL2PerturbationsInsideThePixelRange() {
        Classifier model = Dl4jClassifier.of(net, ImageDataset.FASHION.classNames());
        ImageClassData few = test.head(40);
        Attack cw = new CarliniWagnerL2Attack(1.0, 0.0, 0.01, 100);
        Attack.Result result = cw.run(model, few.features(), few.labelIndex(), null);
        assertThat(result.adversarial().minNumber().doubleValue()).isGreaterThanOrEqualTo(0.0);
        assertThat(result.adversarial().maxNumber().doubleValue()).isLessThanOrEqualTo(1.0);
        List<AttackEvaluation.Outcome> outcomes = AttackEvaluation.run(model, cw, few.features(), few.labelIndex(), null, 40, null);
        List<AttackEvaluation.Outcome> fooled = outcomes.stream()
                .filter(o -> o.success() && o.originalClass() == o.label()).toList();
        assertThat(fooled.size()).as("correctly classified images fooled").isGreaterThan(20);
        // PGD needs L∞ 0.1 (L2 ≈ 2.2) for this; C&W's minimal perturbations are several times smaller in L2.
        assertThat(fooled.stream().mapToDouble(o -> o.norms().l2()).average().orElseThrow()).isLessThan(1.2);
    }
}
