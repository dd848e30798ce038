package org.dl4jsuite.lenet;

import com.fasterxml.jackson.annotation.JsonValue;
import org.dl4jsuite.common.SuiteException;
import org.dl4jsuite.common.cli.EnumChoice;
import org.dl4jsuite.common.cli.OptionChecks;
import org.dl4jsuite.common.data.ImageDataset;
import org.dl4jsuite.common.io.Json;
import org.dl4jsuite.common.train.TrainConfig;
import picocli.CommandLine.Option;

/**
 * The image classifiers' training options, declared once; the defaults reproduce the reference assignment (LeNet-5,
 * Adam 1e-3, batch 64, MNIST, 10 epochs, PyTorch's default weight initialisation). {@code --net mlp} with
 * {@code --activation}, {@code --hidden-mult} and {@code --init} is the reference's MLP study.
 */
public final class LeNetConfig extends TrainConfig {
    /** Which network is trained. */
    public enum Network {
        /** LeNet-5 from DL4J's layers (the reference). */
        LENET5,
        /** The same LeNet-5 from the hand-derived layers of {@code org.dl4jsuite.common.layers}. */
        HANDWRITTEN,
        /** Input → one hidden dense layer → softmax (the reference's MLP experiments). */
        MLP;

        /** The --net value. */
        @JsonValue
        @Override
        public String toString() {
            return EnumChoice.spelling(this);
        }
    }

    /** The hidden layers' activation. */
    public enum Activation {
        RELU, SIGMOID;

        @JsonValue
        @Override
        public String toString() {
            return EnumChoice.spelling(this);
        }
    }

    /** The weights' initialisation (biases start at zero). */
    public enum Init {
        /** PyTorch's default, U(±1/√fan_in) (the reference). */
        TORCH,
        XAVIER, XAVIER_UNIFORM, HE, HE_UNIFORM, ZEROS;

        @JsonValue
        @Override
        public String toString() {
            return EnumChoice.spelling(this);
        }
    }

    /** The optimiser. */
    public enum Optimizer {
        ADAM, SGD, RMSPROP;

        @JsonValue
        @Override
        public String toString() {
            return EnumChoice.spelling(this);
        }
    }

    @Option(names = "--dataset", description = "mnist, fashion (Fashion-MNIST) or cifar10 (CIFAR-10, 3x32x32).")
    ImageDataset dataset = ImageDataset.MNIST;

    @Option(names = "--net", description = "lenet5 (DL4J's layers), handwritten (LeNet-5 from common's hand-derived "
            + "layers) or mlp (one hidden layer).")
    Network net = Network.LENET5;

    @Option(names = "--activation", description = "Hidden activation: relu or sigmoid.")
    Activation activation = Activation.RELU;

    @Option(names = "--hidden-mult", paramLabel = "N", description = "MLP hidden width as N times the input width.")
    int hiddenMult = 1;

    @Option(names = "--init", description = "Weight initialisation: torch (U(±1/sqrt(fan_in))), xavier, xavier-uniform, "
            + "he, he-uniform or zeros; biases start at 0.")
    Init init = Init.TORCH;

    @Option(names = "--optimizer", description = "adam, sgd (with Nesterov momentum --momentum) or rmsprop.")
    Optimizer optimizer = Optimizer.ADAM;

    @Option(names = "--momentum", description = "SGD momentum.")
    double momentum = 0.9;

    @Option(names = "--standardize", description = "Train on (pixel - mean) / std of the training images (the model "
            + "zip records both, so evaluate, predict and attack apply them too).")
    boolean standardize;

    @Option(names = "--ema", paramLabel = "DECAY", description = "Evaluate and save an exponential moving average of "
            + "the weights with this decay, e.g. 0.999 (0: none).")
    double ema;

    @Option(names = "--batch-size", description = "Examples per training step.")
    int batchSize = 64;

    @Option(names = "--lr", description = "Learning rate of the optimizer.")
    double learningRate = 1e-3;

    /** The reference configuration. */
    public LeNetConfig() {
        super(10, 100);
    }

    /** The same configuration with {@code network} as the network. */
    public LeNetConfig withNet(Network network) {
        LeNetConfig copy = Json.convert(Json.tree(this), LeNetConfig.class);
        copy.net = network;
        return copy;
    }

    public ImageDataset dataset() {
        return dataset;
    }

    public Network net() {
        return net;
    }

    public Activation activation() {
        return activation;
    }

    public int hiddenMult() {
        return hiddenMult;
    }

    public Init init() {
        return init;
    }

    public Optimizer optimizer() {
        return optimizer;
    }

    public double momentum() {
        return momentum;
    }

    public boolean standardize() {
        return standardize;
    }

    public double ema() {
        return ema;
    }

    public int batchSize() {
        return batchSize;
    }

    public double learningRate() {
        return learningRate;
    }

    /** Whether the network is built from the hand-derived layers. */
    public boolean handwritten() {
        return net == Network.HANDWRITTEN;
    }

    @Override
    protected void check() {
        OptionChecks.positive("--batch-size", batchSize);
        OptionChecks.positive("--lr", learningRate);
        OptionChecks.positive("--hidden-mult", hiddenMult);
        if (!(momentum >= 0 && momentum < 1)) {
            throw new SuiteException("--momentum must be at least 0 and below 1, got " + momentum);
        }
        if (!(ema >= 0 && ema < 1)) {
            throw new SuiteException("--ema must be 0 (none) or a decay below 1 such as 0.999, got " + ema);
        }
        if (net == Network.HANDWRITTEN && activation != Activation.RELU) {
            throw new SuiteException("--net handwritten is built with ReLU only; drop --activation " + activation);
        }
    }
}
