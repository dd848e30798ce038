package org.dl4jsuite.distributed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.dl4jsuite.common.runtime.ComputeBackend;
import org.dl4jsuite.common.sequence.GlobalNormClipping;
import org.dl4jsuite.common.sequence.TokenMean;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/** The clipping a distributed trainer's workers get: a DL4J listener, serialisable, acting as the step's clip does. */
class WorkerClippingTest {
    @BeforeAll
    static void backend() {
        ComputeBackend.initialise(0);
    }

    private static MultiLayerNetwork net() {
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(3).updater(new Sgd(1.0))
                .list()
                .layer(new DenseLayer.Builder().nIn(4).nOut(8).activation(Activation.TANH).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MSE).nIn(8).nOut(3)
                        .activation(Activation.IDENTITY).build())
                .build());
        net.init();
        return net;
    }

    @Test
    void asAListenerItClipsTheGradientTheUpdaterApplies() {
        // SGD with learning rate 1: the parameter change is exactly the (batch-mean) gradient the updater applied.
        DataSet batch = new DataSet(Nd4j.rand(new int[] {16, 4}, 1L).muli(10), Nd4j.rand(new int[] {16, 3}, 2L).muli(100));
        MultiLayerNetwork plain = net();
        INDArray before = plain.params().dup();
        plain.fit(batch);
        double unclipped = plain.params().sub(before).norm2Number().doubleValue();
        assertThat(unclipped).isGreaterThan(2.0);

        MultiLayerNetwork clipped = net();
        clipped.addListeners(new WorkerClipping(new TokenMean(1), new GlobalNormClipping(0.5)));
        clipped.fit(batch);
        double step = clipped.params().sub(before).norm2Number().doubleValue();
        assertThat(step).isCloseTo(0.5, offset(1e-3));
    }

    @Test
    void aSerialisedCopyClipsAsTheOriginalDoes() throws Exception {
        // dl4j-spark sends a worker its listeners serialised; the copy must keep the clip and the time steps.
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(new WorkerClipping(new TokenMean(4), new GlobalNormClipping(0.5)));
        }
        WorkerClipping copy;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            copy = (WorkerClipping) in.readObject();
        }
        DataSet batch = new DataSet(Nd4j.rand(new int[] {16, 4}, 1L).muli(10), Nd4j.rand(new int[] {16, 3}, 2L).muli(100));
        MultiLayerNetwork original = net();
        original.addListeners(new WorkerClipping(new TokenMean(4), new GlobalNormClipping(0.5)));
        original.fit(batch);
        MultiLayerNetwork copied = net();
        copied.addListeners(copy);
        copied.fit(batch);
        assertThat(copied.params()).isEqualTo(original.params());
        MultiLayerNetwork unclipped = net();
        unclipped.fit(batch);
        assertThat(copied.params()).isNotEqualTo(unclipped.params());
    }
}
