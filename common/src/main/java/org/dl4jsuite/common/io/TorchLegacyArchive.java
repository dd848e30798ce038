package org.dl4jsuite.common.io;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.dl4jsuite.common.SuiteException;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A checkpoint in PyTorch's legacy format ({@code torch.save(..., _use_new_zipfile_serialization=False)}, and every
 * torch.save before 1.6): five pickles (the magic number, protocol version 1001, the system's facts, the object, the
 * sorted storage keys), then each storage as its item count (int64) and its bytes. Every storage's place is found,
 * and checked against the file's length, before any is read.
 */
final class TorchLegacyArchive implements TorchArchive {
    /** torch.serialization's MAGIC_NUMBER. */
    static final BigInteger MAGIC = new BigInteger("1950a86a20f9469cfc6c", 16);
    /** torch.serialization's PROTOCOL_VERSION. */
    static final int PROTOCOL_VERSION = 1001;

    private final Path file;
    private final FileChannel channel;
    private final Map<String, Long> dataOffsets = new HashMap<>();
    private final Map<String, TorchTensor> tensors;

    TorchLegacyArchive(Path file) {
        this.file = file;
        try {
            this.channel = FileChannel.open(file, StandardOpenOption.READ);
        } catch (IOException e) {
            throw new SuiteException("cannot read " + file + ": " + e.getMessage());
        }
        try {
            long fileBytes = channel.size();
            ByteBuffer mapped = channel.map(FileChannel.MapMode.READ_ONLY, 0, Math.min(fileBytes, Integer.MAX_VALUE));
            ByteBufferInput in = new ByteBufferInput(mapped);
            TorchUnpickler unpickler = new TorchUnpickler(file.toString(), storage -> { });
            Object magic = unpickler.loadOne(in);
            if (!MAGIC.equals(magic instanceof Number n ? new BigInteger(n.toString()) : null)) {
                throw new SuiteException(file + " does not start with torch.save's magic number: it is not a PyTorch "
                        + "checkpoint (or a damaged one)");
            }
            Object protocol = unpickler.loadOne(in);
            if (!(protocol instanceof Integer p) || p != PROTOCOL_VERSION) {
                throw new SuiteException(file + " has torch.save protocol version " + protocol + "; version "
                        + PROTOCOL_VERSION + " is read");
            }
            Object system = unpickler.loadOne(in);
            if (!(system instanceof Map<?, ?> facts) || !Boolean.TRUE.equals(facts.get("little_endian"))) {
                throw new SuiteException(file + " was not saved on a little-endian machine; only little-endian "
                        + "checkpoints are read");
            }
            Object root = unpickler.loadOne(in);
            this.tensors = Collections.unmodifiableMap(TorchCheckpoint.tensors(root, file.toString()));
            Object keys = unpickler.loadOne(in);
            locate(keys, unpickler.storages(), in.position(), fileBytes);
        } catch (IOException | RuntimeException e) {
            close();
            if (e instanceof SuiteException suite) {
                throw suite;
            }
            throw new SuiteException(file + " is not a readable legacy PyTorch checkpoint (" + e.getMessage() + ")");
        }
    }

    /** Walks the storages after the pickles in {@code keys}' order, checking each one's item count and extent. */
    private void locate(Object keys, Map<String, TorchStorage> storages, long start, long fileBytes) throws IOException {
        if (!(keys instanceof List<?> list)) {
            throw new SuiteException(file + " has no list of storage keys after its object");
        }
        long position = start;
        ByteBuffer count = ByteBuffer.allocate(Long.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (Object key : list) {
            TorchStorage storage = key instanceof String k ? storages.get(k) : null;
            if (storage == null || dataOffsets.containsKey(storage.key())) {
                throw new SuiteException(file + " lists a storage key its object does not use, or one twice");
            }
            count.clear();
            if (position > fileBytes - Long.BYTES || channel.read(count, position) != Long.BYTES) {
                throw new SuiteException(file + " ends before storage '" + storage.key() + "'");
            }
            long items = count.getLong(0);
            if (items != storage.items()) {
                throw new SuiteException(file + " stores " + items + " items for storage '" + storage.key()
                        + "', but its object describes " + storage.items());
            }
            position += Long.BYTES;
            if (storage.bytes() > fileBytes - position) {
                throw new SuiteException(file + " ends inside storage '" + storage.key() + "' (" + storage.bytes()
                        + " bytes from offset " + position + ", the file has " + fileBytes + ")");
            }
            dataOffsets.put(storage.key(), position);
            position += storage.bytes();
        }
        if (dataOffsets.size() != storages.size()) {
            throw new SuiteException(file + " does not store every storage its object uses");
        }
    }

    @Override
    public Map<String, TorchTensor> tensors() {
        return tensors;
    }

    @Override
    public INDArray read(TorchStorage storage, long[] shape) {
        try {
            channel.position(dataOffsets.get(storage.key()));
            InputStream in = Channels.newInputStream(channel);
            return TorchCheckpoint.readStorage(storage, shape, in, file.toString());
        } catch (IOException e) {
            throw new SuiteException(file + " storage '" + storage.key() + "' cannot be read (" + e.getMessage() + ")");
        }
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            // read-only: nothing was written that closing could lose
        }
    }
}
