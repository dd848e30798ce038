package org.dl4jsuite.common.layers;

import java.util.Arrays;

/**
 * One parameter of a hand-derived layer: its key, its shape, whether it is a bias, and the fan-in/fan-out its
 * weight initialisation uses.
 */
public record ParamSpec(String key, long[] shape, boolean bias, long fanIn, long fanOut) {

    /** A weight initialised by the layer's weight-init scheme from {@code fanIn} and {@code fanOut}. */
    public static ParamSpec weight(String key, long fanIn, long fanOut, long... shape) {
        return new ParamSpec(key, shape.clone(), false, fanIn, fanOut);
    }

    /** A bias, filled with the layer's bias-init value. */
    public static ParamSpec bias(String key, long... shape) {
        return new ParamSpec(key, shape.clone(), true, 0, 0);
    }

    /** Number of scalars in this parameter. */
    public long length() {
        return Arrays.stream(shape).reduce(1, (a, b) -> a * b);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ParamSpec p && key.equals(p.key) && Arrays.equals(shape, p.shape) && bias == p.bias
                && fanIn == p.fanIn && fanOut == p.fanOut;
    }

    @Override
    public int hashCode() {
        return key.hashCode() * 31 + Arrays.hashCode(shape);
    }

    @Override
    public String toString() {
        return key + Arrays.toString(shape);
    }
}
