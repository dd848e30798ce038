package org.dl4jsuite.common.data;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

import org.dl4jsuite.common.SuiteException;

/** An IDX file (the MNIST format) of unsigned bytes, read whole into memory, gzipped or raw. */
public final class IdxFile {

    private static final int UNSIGNED_BYTE = 0x08;

    private final int magic;
    private final int[] dims;
    private final byte[] data;

    private IdxFile(int magic, int[] dims, byte[] data) {
        this.magic = magic;
        this.dims = dims;
        this.data = data;
    }

    /**
     * Reads and validates the file; gzip is recognised by its magic bytes, not the extension. Any
     * structural problem (bad header, wrong type, truncated, trailing bytes, corrupt gzip) is a
     * {@link SuiteException} that names the file and says how to get a good copy.
     */
    public static IdxFile read(Path file) {
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            boolean gzipped = startsWithGzipMagic(raw);
            try (DataInputStream in = new DataInputStream(gzipped ? new GZIPInputStream(raw, 1 << 16) : raw)) {
                return parse(file, in);
            } catch (EOFException e) {
                String what = gzipped ? "truncated or corrupt: its gzip stream ends early"
                        : "truncated: it ends inside the IDX header";
                throw new SuiteException(file + " is " + what + "; " + redownloadAdvice(file), e);
            } catch (ZipException e) {
                throw new SuiteException(file + " is corrupt: not a valid gzip stream (" + e.getMessage() + "); "
                        + redownloadAdvice(file), e);
            }
        } catch (NoSuchFileException e) {
            throw new SuiteException(file + " does not exist.", e);
        } catch (IOException e) {
            throw new SuiteException("Could not read " + file + ": " + e.getMessage() + "; " + redownloadAdvice(file), e);
        }
    }

    /** The header's magic number as a big-endian int: 2049 for label files, 2051 for image files. */
    public int magic() {
        return magic;
    }

    /** The dimensions from the header (a copy). */
    public int[] dims() {
        return dims.clone();
    }

    /** The data, row-major; the bytes are unsigned (mask with 0xff). The array is shared, not copied. */
    public byte[] data() {
        return data;
    }

    /** The number of items, i.e. the first dimension. */
    public int count() {
        return dims[0];
    }

    private static boolean startsWithGzipMagic(InputStream in) throws IOException {
        in.mark(2);
        int b0 = in.read();
        int b1 = in.read();
        in.reset();
        return b0 == 0x1f && b1 == 0x8b;
    }

    private static IdxFile parse(Path file, DataInputStream in) throws IOException {
        int zero0 = in.readUnsignedByte();
        int zero1 = in.readUnsignedByte();
        int type = in.readUnsignedByte();
        int rank = in.readUnsignedByte();
        int magic = (zero0 << 24) | (zero1 << 16) | (type << 8) | rank;
        if (zero0 != 0 || zero1 != 0) {
            throw new SuiteException(file + " is not an IDX file: it starts with 0x"
                    + String.format("%08x", magic) + " instead of two zero bytes; " + redownloadAdvice(file));
        }
        if (type != UNSIGNED_BYTE) {
            throw new SuiteException(file + " has IDX element type 0x" + String.format("%02x", type)
                    + "; only unsigned bytes (0x08) are supported, as in MNIST.");
        }
        if (rank == 0) {
            throw new SuiteException(file + " is not a usable IDX file: its header declares 0 dimensions; "
                    + redownloadAdvice(file));
        }
        int[] dims = new int[rank];
        long size = 1;
        for (int i = 0; i < rank; i++) {
            dims[i] = in.readInt();
            if (dims[i] < 0) {
                throw new SuiteException(file + " is corrupt: dimension " + i + " is negative (" + dims[i] + "); "
                        + redownloadAdvice(file));
            }
            size *= dims[i];
            if (size > Integer.MAX_VALUE - 16) {
                throw new SuiteException(file + " declares dimensions " + dimsText(dims) + ", too large to load.");
            }
        }
        // Read as the bytes arrive, not into an array of the declared size: a header may declare 2 GB that the
        // file does not hold (and a gzip stream does not tell its length).
        byte[] data = in.readNBytes((int) size);
        if (data.length < size) {
            throw new SuiteException(file + " is truncated: expected " + size
                    + " bytes of data after the header (" + dimsText(dims) + "), found " + data.length + "; "
                    + redownloadAdvice(file));
        }
        long extra = in.transferTo(OutputStream.nullOutputStream());
        if (extra > 0) {
            throw new SuiteException(file + " is corrupt: " + extra + " unexpected bytes after the "
                    + data.length + " bytes of data that its header (" + dimsText(dims) + ") declares; "
                    + redownloadAdvice(file));
        }
        return new IdxFile(magic, dims, data);
    }

    private static String dimsText(int[] dims) {
        return Arrays.stream(dims).mapToObj(Integer::toString).collect(Collectors.joining("x"));
    }

    /** Where to get a good copy, naming the catalogue's URLs for this file name when it has any. */
    static String redownloadAdvice(Path file) {
        String name = file.getFileName().toString();
        String urls = Datasets.all().stream()
                .flatMap(spec -> spec.files().stream())
                .filter(f -> f.allNames().contains(name))
                .map(f -> f.urls().get(0))
                .distinct()
                .collect(Collectors.joining(" or "));
        return urls.isEmpty()
                ? "delete it and download it again"
                : "delete it and download it again (" + urls + ")";
    }
}
