package org.dl4jsuite.reference.libtorch;

import static org.bytedeco.pytorch.global.torch.from_blob;

import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.LongPointer;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorOptions;
import org.bytedeco.pytorch.global.torch.ScalarType;

/** Tensors that own a copy of Java arrays. */
final class Tensors {
    private Tensors() {
    }

    static Tensor floats(float[] values, long... shape) {
        try (FloatPointer data = new FloatPointer(values)) {
            return from_blob(data, shape, new TensorOptions(ScalarType.Float)).clone();
        }
    }

    /** Unsigned bytes as a uint8 tensor (64 MiB of MNIST pixels stay 47 MB, not a 188 MB float[] on the heap). */
    static Tensor unsignedBytes(byte[] values, long... shape) {
        try (BytePointer data = new BytePointer(values)) {
            return from_blob(data, shape, new TensorOptions(ScalarType.Byte)).clone();
        }
    }

    static Tensor longs(long[] values, long... shape) {
        try (LongPointer data = new LongPointer(values)) {
            return from_blob(data, shape, new TensorOptions(ScalarType.Long)).clone();
        }
    }
}
