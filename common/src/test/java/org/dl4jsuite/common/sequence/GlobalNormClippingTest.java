package org.dl4jsuite.common.sequence;

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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.LossFunctions;

class GlobalNormClippingTest {
    @BeforeAll
    static void backend() {
        ComputeBackend.initialise(0);
    }

    @Test
    void scalesTheWholeVectorToTheMaximumNormOnlyWhenAbove() {
        INDArray g = Nd4j.createFromArray(3.0f, 4.0f);
        assertThat(GlobalNormClipping.clipInPlace(g, 1.0, 1.0)).isCloseTo(5.0, offset(1e-6));
        assertThat(g.getDouble(0)).isCloseTo(0.6, offset(1e-5));
        assertThat(g.getDouble(1)).isCloseTo(0.8, offset(1e-5));
        INDArray small = Nd4j.createFromArray(0.3f, 0.4f);
        GlobalNormClipping.clipInPlace(small, 1.0, 1.0);
        assertThat(small.getDouble(1)).isEqualTo(0.4f);
        // with scale 10 the norm measured is 0.5: under 1, untouched
        INDArray scaled = Nd4j.createFromArray(3.0f, 4.0f);
        assertThat(GlobalNormClipping.clipInPlace(scaled, 1.0, 10.0)).isCloseTo(0.5, offset(1e-6));
        assertThat(scaled.getDouble(0)).isEqualTo(3.0f);
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
        GlobalNormClipping clipping = new GlobalNormClipping(0.5, 1);
        clipped.addListeners(clipping);
        clipped.fit(batch);
        double step = clipped.params().sub(before).norm2Number().doubleValue();
        assertThat(step).isCloseTo(0.5, offset(1e-3));
        assertThat(clipping.lastNorm()).isCloseTo(unclipped, offset(unclipped * 1e-3));
    }

    @Test
    void aSerialisedCopyClipsAsTheOriginalDoes() throws Exception {
        // dl4j-spark sends a worker its listeners serialised; the copy must keep the clip and the time steps.
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(new GlobalNormClipping(0.5, 4));
        }
        GlobalNormClipping copy;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            copy = (GlobalNormClipping) in.readObject();
        }
        DataSet batch = new DataSet(Nd4j.rand(new int[] {16, 4}, 1L).muli(10), Nd4j.rand(new int[] {16, 3}, 2L).muli(100));
        MultiLayerNetwork original = net();
        original.addListeners(new GlobalNormClipping(0.5, 4));
        original.fit(batch);
        MultiLayerNetwork copied = net();
        copied.addListeners(copy);
        copied.fit(batch);
        assertThat(copied.params()).isEqualTo(original.params());
        assertThat(copy.lastNorm()).isGreaterThan(0.5);
    }
}
