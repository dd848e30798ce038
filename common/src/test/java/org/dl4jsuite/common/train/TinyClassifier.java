package org.dl4jsuite.common.train;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.dl4jsuite.common.model.ModelMetadata;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/** A small real DL4J classifier and a learnable 3-class problem, for tests of the training machinery. */
public final class TinyClassifier {
    public static final int FEATURES = 4;
    public static final int CLASSES = 3;

    private TinyClassifier() {
    }

    /** A dense net with dropout, so that per-step randomness matters for resume tests. */
    public static MultiLayerNetwork network(long seed) {
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder()
                .seed(seed)
                .updater(new Adam(0.01))
                .list()
                .layer(new DenseLayer.Builder().nIn(FEATURES).nOut(16).activation(Activation.TANH).dropOut(0.8).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(16).nOut(CLASSES)
                        .activation(Activation.SOFTMAX).build())
                .build());
        net.init();
        return net;
    }

    /** {@code n} examples whose class is the arg-max of the first three features. */
    public static InMemoryBatches data(int n, int batchSize, long seed) {
        java.util.Random random = new java.util.Random(seed);
        float[] values = new float[n * FEATURES];
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextFloat();
        }
        INDArray features = Nd4j.create(values, new long[] {n, FEATURES}, 'c');
        INDArray labels = Nd4j.zeros(n, CLASSES);
        for (int i = 0; i < n; i++) {
            int best = 0;
            for (int c = 1; c < CLASSES; c++) {
                if (features.getDouble(i, c) > features.getDouble(i, best)) {
                    best = c;
                }
            }
            labels.putScalar(i, best, 1.0);
        }
        return new InMemoryBatches(features, labels, batchSize, seed, true);
    }

    public static ModelMetadata metadata() {
        return new ModelMetadata("test", "tiny", ModelMetadata.MULTI_LAYER, java.util.Map.of());
    }
}
