package org.dl4jsuite.common.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import org.dl4jsuite.common.SuiteException;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A PyTorch checkpoint ({@code torch.save} of a {@code state_dict}: .pth, .pt) read into arrays by key, with no
 * Python: the zip format (PyTorch 1.6 and later: {@code data.pkl} and one raw file per storage) and the legacy one
 * (pickles, then the storages). Float32, float16, bfloat16, float64, integer and boolean tensors keep their type;
 * views (an offset into a shared storage, any strides) become arrays of their own in C order. The pickle is read by
 * {@link TorchUnpickler}, which builds tensors and dicts and refuses anything else a pickle could name; every length
 * is checked against the file before anything is allocated, as {@link NpzFile} does.
 */
public final class TorchCheckpoint {
    /** The largest pickle read: a state_dict's pickle holds names and shapes only (AlexNet's: 2 KB). */
    static final int MAX_PICKLE_BYTES = 64 << 20;
    /** How deep nested dicts may go (a checkpoint's {'model': state_dict} is 2). */
    static final int MAX_DEPTH = 32;

    private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};
    private static final int PICKLE_PROTO = 0x80;

    private TorchCheckpoint() {
    }

    /** Every tensor in {@code file}, by key, in the file's order. */
    public static Map<String, INDArray> read(Path file) {
        Map<String, INDArray> arrays = new LinkedHashMap<>();
        visit(file, arrays::put, false);
        return arrays;
    }

    /**
     * Hands every tensor in {@code file} to {@code each}, in the file's order, one at a time, and frees it when
     * {@code each} returns: copy what you keep. Memory holds one tensor (and its storage), not the whole file.
     */
    public static void forEach(Path file, BiConsumer<String, INDArray> each) {
        visit(file, each, true);
    }

    /** Every tensor's shape, by key, read from the pickle alone (no tensor data is read). */
    public static Map<String, long[]> shapes(Path file) {
        Map<String, long[]> shapes = new LinkedHashMap<>();
        try (TorchArchive archive = open(file)) {
            archive.tensors().forEach((key, tensor) -> shapes.put(key, tensor.size()));
        }
        return shapes;
    }

    /** Whether {@code file}'s name says it is a PyTorch checkpoint (.pth, .pt). */
    public static boolean isNamed(Path file) {
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        return name.endsWith(".pth") || name.endsWith(".pt");
    }

    private static void visit(Path file, BiConsumer<String, INDArray> each, boolean closeEach) {
        try (TorchArchive archive = open(file)) {
            long kept = 0;
            for (Map.Entry<String, TorchTensor> entry : archive.tensors().entrySet()) {
                TorchTensor tensor = entry.getValue();
                long tensorBytes = tensor.items() * tensor.storage().dtype().itemSize();
                long storageBytes = tensor.storage().bytes();
                NpzFile.requireNativeRoom((closeEach ? 0 : kept) + storageBytes + tensorBytes, file);
                INDArray array = array(tensor, archive);
                kept += tensorBytes;
                each.accept(entry.getKey(), array);
                if (closeEach && array.closeable()) {
                    array.close();
                }
            }
        }
    }

    /** Opens {@code file} by its first bytes: a zip archive, or a legacy file (a pickle's protocol opcode). */
    static TorchArchive open(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new SuiteException("PyTorch checkpoint not found: " + file.toAbsolutePath());
        }
        if (ByteOrder.nativeOrder() != ByteOrder.LITTLE_ENDIAN) {
            throw new SuiteException("PyTorch checkpoints are read on little-endian machines only");
        }
        byte[] start;
        try (InputStream in = Files.newInputStream(file)) {
            start = in.readNBytes(ZIP_MAGIC.length);
        } catch (IOException e) {
            throw new SuiteException("cannot read " + file + ": " + e.getMessage());
        }
        if (start.length == ZIP_MAGIC.length && java.util.Arrays.equals(start, ZIP_MAGIC)) {
            return new TorchZipArchive(file);
        }
        if (start.length > 0 && (start[0] & 0xff) == PICKLE_PROTO) {
            return new TorchLegacyArchive(file);
        }
        throw new SuiteException(file + " is not a PyTorch checkpoint: it is neither a zip archive (torch.save since "
                + "PyTorch 1.6) nor a legacy torch.save file (a pickle). Save the weights with "
                + "torch.save(model.state_dict(), path)");
    }

    /** The tensors in a checkpoint's unpickled root, a dict whose nested dicts give dotted keys. */
    static Map<String, TorchTensor> tensors(Object root, String what) {
        if (!(root instanceof Map<?, ?> dict)) {
            throw new SuiteException(what + " holds a " + (root == null ? "None" : root.getClass().getSimpleName())
                    + ", not a dict of tensors: save the weights with torch.save(model.state_dict(), path)");
        }
        Map<String, TorchTensor> tensors = new LinkedHashMap<>();
        collect(dict, "", tensors, 0, what);
        if (tensors.isEmpty()) {
            throw new SuiteException(what + " holds no tensors");
        }
        return tensors;
    }

    private static void collect(Map<?, ?> dict, String prefix, Map<String, TorchTensor> into, int depth, String what) {
        if (depth > MAX_DEPTH) {
            throw new SuiteException(what + " nests dicts more than " + MAX_DEPTH + " deep");
        }
        for (Map.Entry<?, ?> entry : dict.entrySet()) {
            if (!(entry.getKey() instanceof String name)) {
                continue;
            }
            String key = prefix + name;
            if (entry.getValue() instanceof TorchTensor tensor) {
                if (into.put(key, tensor) != null) {
                    throw new SuiteException(what + " holds the key '" + key + "' twice");
                }
            } else if (entry.getValue() instanceof Map<?, ?> inner) {
                collect(inner, key + ".", into, depth + 1, what);
            }
        }
    }

    /**
     * {@code tensor} as an array of its own: read straight into its shape when it is its whole storage in order,
     * else its items copied in C order out of the storage, which is freed.
     */
    static INDArray array(TorchTensor tensor, TorchArchive archive) {
        long[] size = tensor.size();
        TorchStorage storage = tensor.storage();
        if (tensor.items() == 0) {
            return Nd4j.create(storage.dtype().dataType(), size);
        }
        if (tensor.wholeStorage()) {
            return archive.read(storage, size);
        }
        INDArray items = archive.read(storage, new long[] {storage.items()});
        int itemSize = storage.dtype().itemSize();
        INDArray out = Nd4j.createUninitialized(storage.dtype().dataType(), size, 'c');
        ByteBuffer from = items.data().asNio();
        ByteBuffer to = out.data().asNio();
        if (tensor.contiguous()) {
            from.limit(Math.toIntExact((tensor.offset() + tensor.items()) * itemSize));
            from.position(Math.toIntExact(tensor.offset() * itemSize));
            to.put(from);
        } else {
            gather(tensor, itemSize, from, to);
        }
        items.close();
        return out;
    }

    /** Copies a strided tensor's items, in C order, item by item. */
    private static void gather(TorchTensor tensor, int itemSize, ByteBuffer from, ByteBuffer to) {
        long[] size = tensor.size();
        long[] stride = tensor.stride();
        long[] index = new long[size.length];
        long source = tensor.offset();
        byte[] item = new byte[itemSize];
        for (long n = tensor.items(); n > 0; n--) {
            from.get(Math.toIntExact(source * itemSize), item);
            to.put(item);
            for (int d = size.length - 1; d >= 0; d--) {
                if (++index[d] < size[d]) {
                    source += stride[d];
                    break;
                }
                source -= (size[d] - 1) * stride[d];
                index[d] = 0;
            }
        }
    }

    /**
     * A new array of {@code shape} (as many items as {@code storage} has) filled with the storage's bytes from
     * {@code in}, straight into native memory.
     */
    static INDArray readStorage(TorchStorage storage, long[] shape, InputStream in, String what) throws IOException {
        INDArray array = Nd4j.createUninitialized(storage.dtype().dataType(), shape, 'c');
        ByteBuffer target = array.data().asNio();
        byte[] chunk = new byte[1 << 20];
        long left = storage.bytes();
        while (left > 0) {
            int n = in.read(chunk, 0, (int) Math.min(chunk.length, left));
            if (n < 0) {
                array.close();
                throw new SuiteException(what + " ends inside storage '" + storage.key() + "'");
            }
            target.put(chunk, 0, n);
            left -= n;
        }
        return array;
    }
}
