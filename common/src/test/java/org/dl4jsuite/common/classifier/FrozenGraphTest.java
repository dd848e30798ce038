package org.dl4jsuite.common.classifier;

import static org.assertj.core.api.Assertions.assertThat;

import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.LossLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.optimize.api.BaseTrainingListener;
import org.dl4jsuite.common.onednn.OneDnnConvolution;
import org.dl4jsuite.common.onednn.OneDnnConvolutionLayer;
import org.dl4jsuite.common.onednn.OneDnnSubsampling;
import org.dl4jsuite.common.runtime.ComputeBackend;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/** A frozen graph computes DL4J's input gradient on oneDNN and frozen dense layers, with no parameter gradients. */
class FrozenGraphTest {
    @BeforeAll
    static void backend() {
        ComputeBackend.initialise(0);
    }

    /** oneDNN conv (ReLU) → oneDNN max-pool → DL4J conv (identity) → dense (ReLU) → dense → softmax cross-entropy. */
    private static ComputationGraph network() {
        ComputationGraphConfiguration conf = new NeuralNetConfiguration.Builder().seed(4).graphBuilder()
                .addInputs("in")
                .addLayer("conv", OneDnnConvolution.of(new ConvolutionLayer.Builder(3, 3).nOut(4).padding(1, 1)
                        .activation(Activation.RELU).build()), "in")
                .addLayer("pool", OneDnnSubsampling.of(new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX)
                        .kernelSize(2, 2).stride(2, 2).build()), "conv")
                .addLayer("dl4jconv", new ConvolutionLayer.Builder(3, 3).nOut(3).activation(Activation.IDENTITY).build(), "pool")
                .addLayer("fc", new DenseLayer.Builder().nOut(9).activation(Activation.RELU).build(), "dl4jconv")
                .addLayer("logits", new DenseLayer.Builder().nOut(5).activation(Activation.IDENTITY).build(), "fc")
                .addLayer("out", new LossLayer.Builder(LossFunctions.LossFunction.MCXENT).activation(Activation.SOFTMAX).build(),
                        "logits")
                .setOutputs("out").setInputTypes(InputType.convolutional(12, 12, 2)).build();
        ComputationGraph net = new ComputationGraph(conf);
        net.init();
        return net;
    }

    /** DL4J's own ∂loss/∂input: the input vertex's epsilon, read before the graph clears it. */
    private static INDArray inputGradient(ComputationGraph net, INDArray x, INDArray y) {
        INDArray[] captured = new INDArray[1];
        net.getConfiguration().setTrainingWorkspaceMode(WorkspaceMode.NONE);
        net.getConfiguration().setInferenceWorkspaceMode(WorkspaceMode.NONE);
        net.setListeners(new BaseTrainingListener() {
            @Override
            public void onBackwardPass(Model model) {
                captured[0] = ((ComputationGraph) model).getVertex("in").getEpsilon().dup();
            }
        });
        net.setInputs(x);
        net.setLabels(y);
        net.computeGradientAndScore();
        return captured[0];
    }

    @Test
    void inputGradientIsDl4jsWithoutTheFrozenLayersGradients() {
        ComputationGraph net = network();
        FrozenGraph frozen = FrozenGraph.of(net, net.params());
        assertThat(frozen.getLayer("fc")).isInstanceOf(FrozenDenseLayer.class);
        assertThat(frozen.getLayer("logits")).isInstanceOf(FrozenDenseLayer.class);
        assertThat(((OneDnnConvolutionLayer) frozen.getLayer("conv")).frozenOnOneDnn()).isTrue();
        assertThat(frozen.params().data().address()).as("the parameters are shared, not copied")
                .isEqualTo(net.params().data().address());

        Nd4j.getRandom().setSeed(9);
        INDArray x = Nd4j.rand(DataType.FLOAT, 3, 2, 12, 12);
        INDArray y = Nd4j.zeros(DataType.FLOAT, 3, 5);
        y.putScalar(0, 1, 1);
        y.putScalar(1, 4, 1);
        y.putScalar(2, 0, 1);
        INDArray expected = inputGradient(net, x, y);
        INDArray actual = inputGradient(frozen, x, y);
        assertThat(actual.shape()).containsExactly(3, 2, 12, 12);
        double error = actual.sub(expected).norm2Number().doubleValue() / expected.norm2Number().doubleValue();
        assertThat(error).isLessThan(1e-5);
        // DL4J's own convolution became a frozen oneDNN one: no layer writes a parameter gradient, and the flat
        // gradient is a placeholder of one value instead of the network's 111 + ... parameters.
        assertThat(((OneDnnConvolutionLayer) frozen.getLayer("dl4jconv")).frozenOnOneDnn()).isTrue();
        assertThat(frozen.getGradientsViewArray().length()).isEqualTo(1);
        assertThat(net.getGradientsViewArray().length()).isEqualTo(net.numParams());
    }
}
