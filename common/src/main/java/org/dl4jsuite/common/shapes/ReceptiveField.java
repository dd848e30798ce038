package org.dl4jsuite.common.shapes;

import java.util.ArrayList;
import java.util.List;
import org.dl4jsuite.common.SuiteException;

/**
 * Receptive-field arithmetic along one spatial axis for a chain of convolution/pooling layers: for each
 * layer the feature-map size n, the jump j (input pixels between adjacent features), the receptive size r
 * and the centre of the first feature, start.
 */
public final class ReceptiveField {

    /** One layer's kernel k, stride s and padding p (same on both sides), with a name for printing. */
    public record Layer(String name, int kernel, int stride, int padding) {
        public Layer {
            if (kernel <= 0 || stride <= 0 || padding < 0) {
                throw new SuiteException("layer " + name + ": kernel and stride must be positive and padding not negative, got k="
                        + kernel + " s=" + stride + " p=" + padding);
            }
        }

        /** Parses {@code k/s/p}, e.g. {@code 11/4/0}. */
        public static Layer parse(String name, String spec) {
            String[] parts = spec.trim().split("/");
            if (parts.length != 3) {
                throw new SuiteException("layer '" + spec + "' must be kernel/stride/padding, e.g. 11/4/0");
            }
            try {
                return new Layer(name, Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()),
                        Integer.parseInt(parts[2].trim()));
            } catch (NumberFormatException e) {
                throw new SuiteException("layer '" + spec + "' must be three integers kernel/stride/padding, e.g. 11/4/0");
            }
        }
    }

    /** The state after a layer: size n, jump j, receptive size r, centre of the first feature start. */
    public record Step(String name, int size, long jump, long receptiveSize, double start) {

        /** The input-pixel interval [from, to] seen by feature {@code index} (0-based) of this map; may extend into padding. */
        public double[] box(int index) {
            if (index < 0 || index >= size) {
                throw new SuiteException("feature index " + index + " is outside 0.." + (size - 1) + " of layer " + name);
            }
            double centre = start + (double) index * jump;
            return new double[] {centre - receptiveSize / 2.0, centre + receptiveSize / 2.0};
        }
    }

    private ReceptiveField() {
    }

    /**
     * Runs the recurrences n_out = ⌊(n_in + 2p − k)/s⌋ + 1, j_out = j_in·s, r_out = r_in + (k − 1)·j_in,
     * start_out = start_in + ((k − 1)/2 − p)·j_in from n = inputSize, j = 1, r = 1, start = {@code start}
     * (0.5: pixel centres at half-integers). The first step returned is the input itself.
     */
    public static List<Step> trace(int inputSize, double start, List<Layer> layers) {
        if (inputSize <= 0) {
            throw new SuiteException("input size must be positive, got " + inputSize);
        }
        List<Step> steps = new ArrayList<>();
        Step current = new Step("input", inputSize, 1, 1, start);
        steps.add(current);
        for (Layer layer : layers) {
            int n = ConvArithmetic.outputSize(current.size(), layer.kernel(), layer.stride(), layer.padding());
            long j = current.jump() * layer.stride();
            long r = current.receptiveSize() + (layer.kernel() - 1L) * current.jump();
            double s = current.start() + ((layer.kernel() - 1) / 2.0 - layer.padding()) * current.jump();
            current = new Step(layer.name(), n, j, r, s);
            steps.add(current);
        }
        return steps;
    }
}
