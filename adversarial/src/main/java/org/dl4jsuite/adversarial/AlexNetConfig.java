package org.dl4jsuite.adversarial;

import java.util.List;
import org.dl4jsuite.common.SuiteException;

/**
 * The widths of torchvision's AlexNet layout. The defaults are torchvision's (64-192-384-256-256, 4096,
 * 1000 classes, 224 input, adaptive pool to 6×6, dropout 0.5); tests use narrower copies.
 */
public record AlexNetConfig(int inputSize, List<Integer> channels, int hidden, int classes, int poolOutput,
                            double dropout) {

    /** torchvision's alexnet(). */
    public static AlexNetConfig defaults() {
        return new AlexNetConfig(224, List.of(64, 192, 384, 256, 256), 4096, 1000, 6, 0.5);
    }

    public AlexNetConfig {
        channels = List.copyOf(channels);
        if (channels.size() != 5 || channels.stream().anyMatch(c -> c <= 0)) {
            throw new SuiteException("AlexNet needs five positive conv widths, got " + channels);
        }
        if (inputSize <= 0 || hidden <= 0 || classes <= 0 || poolOutput <= 0) {
            throw new SuiteException("AlexNet sizes must be positive: input " + inputSize + ", hidden " + hidden
                    + ", classes " + classes + ", pool output " + poolOutput);
        }
        if (!(dropout >= 0 && dropout < 1)) {
            throw new SuiteException("dropout must be in [0, 1), got " + dropout);
        }
    }

    /** Inputs to the first dense layer: last conv width × pool output². */
    public int flattenedSize() {
        return channels.get(4) * poolOutput * poolOutput;
    }
}
