package org.dl4jsuite.adversarial.tflite;

import com.google.flatbuffers.FlatBufferBuilder;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;

/**
 * Writes small TFLite FlatBuffers for tests with the FlatBuffers builder, field by field as schema.fbs numbers
 * them: tensors (with data and quantization), operators with their builtin options, one subgraph.
 */
final class TfliteFiles {
    static final byte FLOAT32 = 0;
    static final byte INT32 = 2;
    static final byte UINT8 = 3;
    static final byte INT8 = 9;

    private record Tensor(String name, int[] shape, byte type, byte[] data, float[] scale, long[] zeroPoint, int dimension) {
    }

    private record Op(int code, int[] inputs, int[] outputs, int optionsType, ToIntFunction<FlatBufferBuilder> options) {
    }

    private final List<Tensor> tensors = new ArrayList<>();
    private final List<Op> ops = new ArrayList<>();
    private final List<Integer> codes = new ArrayList<>();

    /** A uint8 image input [1, h, w, c] quantized with {@code scale} and {@code zeroPoint}. */
    int input(int h, int w, int c, float scale, long zeroPoint) {
        return add(new Tensor("input", new int[] {1, h, w, c}, UINT8, null, new float[] {scale}, new long[] {zeroPoint}, 0));
    }

    /** A computed tensor (no data); the type does not matter to the importer. */
    int computed(String name, int... shape) {
        return add(new Tensor(name, shape, UINT8, null, new float[0], new long[0], 0));
    }

    /** A FLOAT32 constant. */
    int floats(String name, int[] shape, float... values) {
        ByteBuffer b = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) {
            b.putFloat(v);
        }
        return add(new Tensor(name, shape, FLOAT32, b.array(), new float[0], new long[0], 0));
    }

    /** A quantized constant of 1-byte values (UINT8 or INT8), per tensor or per index of {@code dimension}. */
    int quantized(String name, int[] shape, byte type, byte[] values, float[] scale, long[] zeroPoint, int dimension) {
        return add(new Tensor(name, shape, type, values, scale, zeroPoint, dimension));
    }

    /** An INT32 constant (a quantized bias or a shape). */
    int int32(String name, int[] shape, int[] values, float[] scale) {
        ByteBuffer b = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (int v : values) {
            b.putInt(v);
        }
        return add(new Tensor(name, shape, INT32, b.array(), scale, scale.length == 0 ? new long[0] : new long[scale.length], 0));
    }

    private int add(Tensor t) {
        tensors.add(t);
        return tensors.size() - 1;
    }

    /** Appends an operator; {@code optionsType} is its BuiltinOptions union member (0 = none). */
    void op(String name, int optionsType, ToIntFunction<FlatBufferBuilder> options, int[] inputs, int... outputs) {
        int code = BuiltinOperators.code(name);
        if (!codes.contains(code)) {
            codes.add(code);
        }
        ops.add(new Op(code, inputs, outputs, optionsType, options));
    }

    static ToIntFunction<FlatBufferBuilder> conv(int padding, int strideH, int strideW, int activation) {
        return fb -> {
            fb.startTable(6);
            fb.addByte(0, (byte) padding, 0);
            fb.addInt(1, strideW, 0);
            fb.addInt(2, strideH, 0);
            fb.addByte(3, (byte) activation, 0);
            return fb.endTable();
        };
    }

    static ToIntFunction<FlatBufferBuilder> depthwise(int padding, int strideH, int strideW, int multiplier, int activation) {
        return fb -> {
            fb.startTable(7);
            fb.addByte(0, (byte) padding, 0);
            fb.addInt(1, strideW, 0);
            fb.addInt(2, strideH, 0);
            fb.addInt(3, multiplier, 0);
            fb.addByte(4, (byte) activation, 0);
            return fb.endTable();
        };
    }

    static ToIntFunction<FlatBufferBuilder> pool(int padding, int stride, int filter) {
        return fb -> {
            fb.startTable(6);
            fb.addByte(0, (byte) padding, 0);
            fb.addInt(1, stride, 0);
            fb.addInt(2, stride, 0);
            fb.addInt(3, filter, 0);
            fb.addInt(4, filter, 0);
            return fb.endTable();
        };
    }

    static ToIntFunction<FlatBufferBuilder> add(int activation) {
        return fb -> {
            fb.startTable(1);
            fb.addByte(0, (byte) activation, 0);
            return fb.endTable();
        };
    }

    static ToIntFunction<FlatBufferBuilder> softmax(float beta) {
        return fb -> {
            fb.startTable(1);
            fb.addFloat(0, beta, 0);
            return fb.endTable();
        };
    }

    /** The whole file with the given subgraph inputs and outputs. */
    byte[] bytes(int[] inputs, int[] outputs) {
        FlatBufferBuilder fb = new FlatBufferBuilder(1024);
        // Buffer 0 is the empty sentinel; tensor i with data gets its own buffer.
        List<Integer> buffers = new ArrayList<>();
        buffers.add(table(fb, 0, f -> { }));
        int[] bufferOf = new int[tensors.size()];
        for (int i = 0; i < tensors.size(); i++) {
            byte[] data = tensors.get(i).data();
            if (data != null) {
                int vector = fb.createByteVector(data);
                buffers.add(table(fb, 1, f -> f.addOffset(0, vector, 0)));
                bufferOf[i] = buffers.size() - 1;
            }
        }
        int[] tensorTables = new int[tensors.size()];
        for (int i = 0; i < tensors.size(); i++) {
            Tensor t = tensors.get(i);
            int shape = ints(fb, t.shape());
            int name = fb.createString(t.name());
            int quantization = 0;
            if (t.scale().length > 0) {
                int scale = floatVector(fb, t.scale());
                int zero = longVector(fb, t.zeroPoint());
                fb.startTable(7);
                fb.addOffset(2, scale, 0);
                fb.addOffset(3, zero, 0);
                fb.addInt(6, t.dimension(), 0);
                quantization = fb.endTable();
            }
            fb.startTable(5);
            fb.addOffset(0, shape, 0);
            fb.addByte(1, t.type(), -1);
            fb.addInt(2, bufferOf[i], 0);
            fb.addOffset(3, name, 0);
            if (quantization != 0) {
                fb.addOffset(4, quantization, 0);
            }
            tensorTables[i] = fb.endTable();
        }
        int[] opTables = new int[ops.size()];
        for (int i = 0; i < ops.size(); i++) {
            Op op = ops.get(i);
            int options = op.options() == null ? 0 : op.options().applyAsInt(fb);
            int in = ints(fb, op.inputs());
            int out = ints(fb, op.outputs());
            fb.startTable(5);
            fb.addInt(0, codes.indexOf(op.code()), 0);
            fb.addOffset(1, in, 0);
            fb.addOffset(2, out, 0);
            fb.addByte(3, (byte) op.optionsType(), 0);
            if (options != 0) {
                fb.addOffset(4, options, 0);
            }
            opTables[i] = fb.endTable();
        }
        int tensorVector = fb.createVectorOfTables(tensorTables);
        int opVector = fb.createVectorOfTables(opTables);
        int in = ints(fb, inputs);
        int out = ints(fb, outputs);
        fb.startTable(5);
        fb.addOffset(0, tensorVector, 0);
        fb.addOffset(1, in, 0);
        fb.addOffset(2, out, 0);
        fb.addOffset(3, opVector, 0);
        int subgraph = fb.endTable();
        int[] codeTables = new int[codes.size()];
        for (int i = 0; i < codes.size(); i++) {
            int code = codes.get(i);
            fb.startTable(4);
            fb.addByte(0, (byte) Math.min(code, 127), 0);
            fb.addInt(2, 1, 1);
            fb.addInt(3, code, 0);
            codeTables[i] = fb.endTable();
        }
        int codeVector = fb.createVectorOfTables(codeTables);
        int subgraphs = fb.createVectorOfTables(new int[] {subgraph});
        int bufferVector = fb.createVectorOfTables(buffers.stream().mapToInt(Integer::intValue).toArray());
        fb.startTable(5);
        fb.addInt(0, 3, 0);
        fb.addOffset(1, codeVector, 0);
        fb.addOffset(2, subgraphs, 0);
        fb.addOffset(4, bufferVector, 0);
        fb.finish(fb.endTable(), "TFL3");
        return fb.sizedByteArray();
    }

    private static int table(FlatBufferBuilder fb, int fields, java.util.function.Consumer<FlatBufferBuilder> body) {
        fb.startTable(fields);
        body.accept(fb);
        return fb.endTable();
    }

    private static int ints(FlatBufferBuilder fb, int[] values) {
        return vector(fb, 4, values.length, i -> fb.addInt(values[i]));
    }

    private static int floatVector(FlatBufferBuilder fb, float[] values) {
        return vector(fb, 4, values.length, i -> fb.addFloat(values[i]));
    }

    private static int longVector(FlatBufferBuilder fb, long[] values) {
        return vector(fb, 8, values.length, i -> fb.addLong(values[i]));
    }

    /** A vector of {@code n} scalars of {@code bytes} each; FlatBuffers are written back to front. */
    private static int vector(FlatBufferBuilder fb, int bytes, int n, java.util.function.IntConsumer add) {
        fb.startVector(bytes, n, bytes);
        for (int i = n - 1; i >= 0; i--) {
            add.accept(i);
        }
        return fb.endVector();
    }
}
