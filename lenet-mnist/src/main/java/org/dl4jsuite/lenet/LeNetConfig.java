package org.dl4jsuite.lenet;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import org.dl4jsuite.common.SuiteException;
import org.dl4jsuite.common.cli.EnumChoice;
import org.dl4jsuite.common.cli.OptionChecks;
import org.dl4jsuite.common.data.MnistVariant;
import org.dl4jsuite.common.train.TrainConfig;
import picocli.CommandLine.Option;

/**
 * LeNet-5's training options, declared once; the defaults reproduce the reference assignment (Adam 1e-3,
 * batch 64, MNIST, 10 epochs, PyTorch's default weight initialisation, DL4J's layers).
 */
public final class LeNetConfig extends TrainConfig {
    /** Which layers the network is built from. */
    public enum Network {
        /** LeNet-5 from DL4J's layers (the reference). */
        LENET5,
        /** The same LeNet-5 from the hand-derived layers of {@code org.dl4jsuite.common.layers}. */
        HANDWRITTEN;

        /** The --net value. */
        @JsonValue
        @Override
        public String toString() {
            return EnumChoice.spelling(this);
        }
    }

    @Option(names = "--dataset", description = "mnist or fashion (Fashion-MNIST).")
    MnistVariant dataset = MnistVariant.MNIST;

    @Option(names = "--net", description = "lenet5 (DL4J's layers) or handwritten (LeNet-5 from common's hand-derived layers).")
    Network net = Network.LENET5;

    @Option(names = "--batch-size", description = "Examples per training step.")
    int batchSize = 64;

    @Option(names = "--lr", description = "Adam learning rate.")
    double learningRate = 1e-3;

    /** The reference configuration. */
    public LeNetConfig() {
        super(10, 100);
    }

    /** The old spelling of {@code --net}: {@code --layers dl4j|handwritten}. */
    @Option(names = "--layers", hidden = true)
    @JsonSetter("layers")
    void layers(String value) {
        net = switch (value.toLowerCase(Locale.ROOT)) {
            case "dl4j" -> Network.LENET5;
            case "handwritten" -> Network.HANDWRITTEN;
            default -> throw new SuiteException("--layers (now --net) must be dl4j or handwritten, got '" + value + "'");
        };
    }

    /** The same configuration built from {@code network}'s layers. */
    public LeNetConfig withNet(Network network) {
        LeNetConfig copy = new LeNetConfig();
        copy.dataset = dataset;
        copy.net = network;
        copy.batchSize = batchSize;
        copy.learningRate = learningRate;
        return copy;
    }

    public MnistVariant dataset() {
        return dataset;
    }

    public Network net() {
        return net;
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
    }
}
