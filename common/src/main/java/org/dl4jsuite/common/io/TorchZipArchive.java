package org.dl4jsuite.common.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.dl4jsuite.common.SuiteException;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A checkpoint in PyTorch's zip format (torch.save since 1.6): {@code NAME/data.pkl}, the pickle, and
 * {@code NAME/data/KEY}, each storage's raw little-endian bytes, stored uncompressed. Each storage the pickle names
 * must be a stored member of exactly its length before any is read.
 */
final class TorchZipArchive implements TorchArchive {
    private final Path file;
    private final ZipFile zip;
    private final String prefix;
    private final Map<String, TorchTensor> tensors;

    TorchZipArchive(Path file) {
        this.file = file;
        try {
            this.zip = new ZipFile(file.toFile());
        } catch (IOException e) {
            throw new SuiteException(file + " is not a readable zip archive (" + e.getMessage() + "); it may be "
                    + "truncated: download or save it again");
        }
        try {
            this.prefix = prefix();
            requireLittleEndian();
            long fileBytes = Files.size(file);
            TorchUnpickler unpickler = new TorchUnpickler(file.toString(), storage -> check(storage, fileBytes));
            Object root = unpickler.loadOne(new ByteBufferInput(ByteBuffer.wrap(member(prefix + "data.pkl"))));
            this.tensors = Collections.unmodifiableMap(TorchCheckpoint.tensors(root, file.toString()));
        } catch (IOException | RuntimeException e) {
            close();
            if (e instanceof SuiteException suite) {
                throw suite;
            }
            throw new SuiteException(file + " is not a readable PyTorch zip archive (" + e.getMessage() + ")");
        }
    }

    /** The folder that holds data.pkl (torch.save names it after the file it first wrote). */
    private String prefix() {
        List<String> pickles = new ArrayList<>();
        boolean torchScript = false;
        for (ZipEntry entry : Collections.list(zip.entries())) {
            String name = entry.getName();
            int slash = name.indexOf('/');
            if (slash > 0 && name.substring(slash + 1).equals("data.pkl")) {
                pickles.add(name.substring(0, slash + 1));
            }
            torchScript |= slash > 0 && name.substring(slash + 1).equals("constants.pkl");
        }
        if (torchScript) {
            throw new SuiteException(file + " is a TorchScript archive (torch.jit.save), not a state_dict: save the "
                    + "weights with torch.save(model.state_dict(), path)");
        }
        if (pickles.size() != 1) {
            throw new SuiteException(file + " is a zip archive with " + pickles.size() + " NAME/data.pkl members, not "
                    + "one: it is not a torch.save checkpoint");
        }
        return pickles.get(0);
    }

    /** PyTorch 1.10+ records the byte order; older files are little-endian. */
    private void requireLittleEndian() throws IOException {
        if (zip.getEntry(prefix + "byteorder") != null) {
            String order = new String(member(prefix + "byteorder"), StandardCharsets.US_ASCII).strip();
            if (!order.equals("little")) {
                throw new SuiteException(file + " was saved on a '" + order + "'-endian machine; only little-endian "
                        + "checkpoints are read");
            }
        }
    }

    private byte[] member(String name) throws IOException {
        ZipEntry entry = zip.getEntry(name);
        if (entry == null) {
            throw new SuiteException(file + " has no member " + name + ": it is not a torch.save checkpoint");
        }
        try (InputStream in = zip.getInputStream(entry)) {
            byte[] bytes = BoundedRead.readAll(in, TorchCheckpoint.MAX_PICKLE_BYTES);
            if (bytes == null) {
                throw new SuiteException(file + " member " + name + " is over "
                        + (TorchCheckpoint.MAX_PICKLE_BYTES >> 20) + " MB; a state_dict's pickle is far smaller");
            }
            return bytes;
        }
    }

    /** Refuses a storage the archive does not hold as a stored member of exactly its length. */
    private void check(TorchStorage storage, long fileBytes) {
        String name = prefix + "data/" + storage.key();
        ZipEntry entry = zip.getEntry(name);
        if (entry == null) {
            throw new SuiteException(file + " has no member " + name + " for the storage its pickle names");
        }
        if (entry.getMethod() != ZipEntry.STORED || entry.getSize() != entry.getCompressedSize()
                || entry.getSize() > fileBytes) {
            throw new SuiteException(file + " member " + name + " is compressed or larger than the file; torch.save "
                    + "stores storages as they are");
        }
        if (entry.getSize() != storage.bytes()) {
            throw new SuiteException(file + " member " + name + " holds " + entry.getSize() + " bytes, but the pickle "
                    + "describes " + storage.items() + " items of " + storage.dtype().itemSize() + " bytes");
        }
    }

    @Override
    public Map<String, TorchTensor> tensors() {
        return tensors;
    }

    @Override
    public INDArray read(TorchStorage storage, long[] shape) {
        String name = prefix + "data/" + storage.key();
        try (InputStream in = zip.getInputStream(zip.getEntry(name))) {
            return TorchCheckpoint.readStorage(storage, shape, in, file + " member " + name);
        } catch (IOException e) {
            throw new SuiteException(file + " member " + name + " cannot be read (" + e.getMessage() + ")");
        }
    }

    @Override
    public void close() {
        try {
            zip.close();
        } catch (IOException e) {
            // read-only: nothing was written that closing could lose
        }
    }
}
