package org.dl4jsuite.adversarial.tflite;

import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.dl4jsuite.common.SuiteException;

/**
 * Reads a TensorFlow Lite FlatBuffer (schema.fbs: Model → subgraphs → tensors, buffers, operators, operator
 * codes, quantization parameters, builtin options) into {@link TfliteModel}. Field numbers are those of
 * schema.fbs, in declaration order; only the fields the importer needs are read. A file that is not TFLite,
 * or whose offsets point outside it, is a {@link SuiteException} naming the file.
 */
public final class TfliteReader {
    /** The largest file read (FlatBuffers address 2 GiB; an ImageNet classifier is far smaller). */
    static final long MAX_BYTES = Integer.MAX_VALUE - 8;

    // Model
    private static final int MODEL_VERSION = 0;
    private static final int MODEL_OPERATOR_CODES = 1;
    private static final int MODEL_SUBGRAPHS = 2;
    private static final int MODEL_DESCRIPTION = 3;
    private static final int MODEL_BUFFERS = 4;
    // SubGraph
    private static final int SUBGRAPH_TENSORS = 0;
    private static final int SUBGRAPH_INPUTS = 1;
    private static final int SUBGRAPH_OUTPUTS = 2;
    private static final int SUBGRAPH_OPERATORS = 3;
    // Tensor
    private static final int TENSOR_SHAPE = 0;
    private static final int TENSOR_TYPE = 1;
    private static final int TENSOR_BUFFER = 2;
    private static final int TENSOR_NAME = 3;
    private static final int TENSOR_QUANTIZATION = 4;
    // QuantizationParameters
    private static final int QUANT_SCALE = 2;
    private static final int QUANT_ZERO_POINT = 3;
    private static final int QUANT_DETAILS_TYPE = 4;
    private static final int QUANT_DIMENSION = 6;
    // Buffer
    private static final int BUFFER_DATA = 0;
    private static final int BUFFER_OFFSET = 1;
    private static final int BUFFER_SIZE = 2;
    // OperatorCode
    private static final int CODE_DEPRECATED_BUILTIN = 0;
    private static final int CODE_CUSTOM = 1;
    private static final int CODE_VERSION = 2;
    private static final int CODE_BUILTIN = 3;
    // Operator
    private static final int OP_OPCODE_INDEX = 0;
    private static final int OP_INPUTS = 1;
    private static final int OP_OUTPUTS = 2;
    private static final int OP_OPTIONS_TYPE = 3;
    private static final int OP_OPTIONS = 4;

    private TfliteReader() {
    }

    /** Reads {@code file}. */
    public static TfliteModel read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new SuiteException("TFLite model not found: " + file.toAbsolutePath());
        }
        byte[] bytes;
        try {
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw new SuiteException(file + " is " + size + " bytes; a TFLite FlatBuffer is at most 2 GiB");
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new SuiteException("cannot read " + file + ": " + e.getMessage());
        }
        return parse(ByteBuffer.wrap(bytes), file.toString());
    }

    /** Parses a TFLite FlatBuffer held in {@code buffer}; {@code source} names it in messages. */
    public static TfliteModel parse(ByteBuffer buffer, String source) {
        ByteBuffer bb = buffer.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        if (bb.remaining() < 8 || bb.get(4) != 'T' || bb.get(5) != 'F' || bb.get(6) != 'L' || bb.get(7) != '3') {
            throw new SuiteException(source + " is not a TensorFlow Lite model (no 'TFL3' FlatBuffer identifier at byte 4); "
                    + "pass a .tflite file");
        }
        try {
            return model(bb, source);
        } catch (IndexOutOfBoundsException | BufferUnderflowException | IllegalArgumentException e) {
            throw new SuiteException(source + " is a truncated or corrupt TensorFlow Lite file (" + e.getMessage()
                    + "); download it again");
        }
    }

    private static TfliteModel model(ByteBuffer bb, String source) {
        FlatTable model = new FlatTable(bb, bb.getInt(0));
        int subgraphs = model.length(MODEL_SUBGRAPHS, 4);
        if (subgraphs == 0) {
            throw new SuiteException(source + " holds no subgraph: it is not a TFLite model");
        }
        List<String> opNames = new ArrayList<>();
        List<Integer> opVersions = new ArrayList<>();
        int codes = model.length(MODEL_OPERATOR_CODES, 4);
        for (int i = 0; i < codes; i++) {
            FlatTable code = model.tableAt(MODEL_OPERATOR_CODES, i);
            int builtin = Math.max(code.byteField(CODE_DEPRECATED_BUILTIN, (byte) 0), code.intField(CODE_BUILTIN, 0));
            String name = BuiltinOperators.name(builtin);
            if (builtin == BuiltinOperators.CUSTOM) {
                name = "CUSTOM '" + code.stringField(CODE_CUSTOM) + "'";
            }
            opNames.add(name);
            opVersions.add(code.intField(CODE_VERSION, 1));
        }
        int bufferCount = model.length(MODEL_BUFFERS, 4);
        FlatTable graph = model.tableAt(MODEL_SUBGRAPHS, 0);
        int tensorCount = graph.length(SUBGRAPH_TENSORS, 4);
        List<TfliteTensor> tensors = new ArrayList<>(tensorCount);
        for (int i = 0; i < tensorCount; i++) {
            tensors.add(tensor(bb, model, bufferCount, graph.tableAt(SUBGRAPH_TENSORS, i), i, source));
        }
        int operatorCount = graph.length(SUBGRAPH_OPERATORS, 4);
        List<TfliteOperator> operators = new ArrayList<>(operatorCount);
        for (int i = 0; i < operatorCount; i++) {
            FlatTable op = graph.tableAt(SUBGRAPH_OPERATORS, i);
            long code = op.uintField(OP_OPCODE_INDEX);
            if (code >= codes) {
                throw new SuiteException(source + ": operator " + i + " names operator code " + code + " of " + codes);
            }
            String name = opNames.get((int) code);
            int[] inputs = checkedIndices(op.ints(OP_INPUTS), tensorCount, "operator " + i + " input", source);
            int[] outputs = checkedIndices(op.ints(OP_OUTPUTS), tensorCount, "operator " + i + " output", source);
            FlatTable options = op.tableField(OP_OPTIONS);
            int optionsType = op.byteField(OP_OPTIONS_TYPE, (byte) 0) & 0xff;
            operators.add(new TfliteOperator(i, name, opVersions.get((int) code), inputs, outputs,
                    OptionsReader.read(name, optionsType, options)));
        }
        return new TfliteModel(source, (int) model.uintField(MODEL_VERSION), model.stringField(MODEL_DESCRIPTION),
                List.copyOf(tensors), List.copyOf(operators),
                checkedIndices(graph.ints(SUBGRAPH_INPUTS), tensorCount, "subgraph input", source),
                checkedIndices(graph.ints(SUBGRAPH_OUTPUTS), tensorCount, "subgraph output", source));
    }

    private static TfliteTensor tensor(ByteBuffer bb, FlatTable model, int bufferCount, FlatTable t, int index, String source) {
        int[] shape = t.ints(TENSOR_SHAPE);
        int typeCode = t.byteField(TENSOR_TYPE, (byte) 0);
        TensorType type = TensorType.of(typeCode);
        String name = t.stringField(TENSOR_NAME);
        if (type == null) {
            throw new SuiteException(source + ": tensor " + index + " '" + name + "' has tensor type code " + typeCode
                    + ", which this importer does not know");
        }
        long bufferIndex = t.uintField(TENSOR_BUFFER);
        ByteBuffer data = ByteBuffer.allocate(0);
        if (bufferIndex != 0) {
            if (bufferIndex >= bufferCount) {
                throw new SuiteException(source + ": tensor " + index + " '" + name + "' names buffer " + bufferIndex
                        + " of " + bufferCount);
            }
            data = bufferData(bb, model.tableAt(MODEL_BUFFERS, (int) bufferIndex));
        }
        Quantization quantization = Quantization.NONE;
        FlatTable q = t.tableField(TENSOR_QUANTIZATION);
        if (q != null) {
            if ((q.byteField(QUANT_DETAILS_TYPE, (byte) 0) & 0xff) != 0) {
                throw new SuiteException(source + ": tensor " + index + " '" + name + "' uses custom quantization, "
                        + "which this importer cannot dequantize");
            }
            quantization = new Quantization(q.floats(QUANT_SCALE), q.longs(QUANT_ZERO_POINT), q.intField(QUANT_DIMENSION, 0));
        }
        for (int d : shape) {
            if (d < 0) {
                throw new SuiteException(source + ": tensor " + index + " '" + name + "' has a dynamic or negative shape "
                        + java.util.Arrays.toString(shape) + "; the importer needs fixed shapes");
            }
        }
        return new TfliteTensor(index, name, shape, type, data, quantization);
    }

    /** A buffer's bytes: inside the FlatBuffer, or (large models) at an offset after it. */
    private static ByteBuffer bufferData(ByteBuffer bb, FlatTable buffer) {
        long offset = buffer.longField(BUFFER_OFFSET, 0);
        long size = buffer.longField(BUFFER_SIZE, 0);
        // schema.fbs: an offset of 0 or 1 means the data is in the data vector.
        if (offset > 1) {
            if (size < 0 || offset + size > bb.limit() || offset + size < 0) {
                throw new IndexOutOfBoundsException("a buffer claims " + size + " bytes at offset " + offset);
            }
            return bb.duplicate().position((int) offset).limit((int) (offset + size)).slice().asReadOnlyBuffer()
                    .order(ByteOrder.LITTLE_ENDIAN);
        }
        return buffer.bytes(BUFFER_DATA);
    }

    private static int[] checkedIndices(int[] indices, int tensors, String what, String source) {
        for (int i : indices) {
            if (i < -1 || i >= tensors) {
                throw new SuiteException(source + ": " + what + " names tensor " + i + " of " + tensors);
            }
        }
        return indices;
    }
}
