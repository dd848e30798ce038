package org.dl4jsuite.reference.libtorch;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One little-endian .npy array in C order (float32, float64, int32 or int64) as floats: what `--export-init`, `bench
 * attack --export` and numpy.savez write.
 */
final class NpyFloats {
    private static final Pattern DESCR = Pattern.compile("'descr':\\s*'([^']*)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order':\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape':\\s*\\(([^)]*)\\)");

    final long[] shape;
    final float[] values;

    private NpyFloats(long[] shape, float[] values) {
        this.shape = shape;
        this.values = values;
    }

    /** Reads {@code file}; an array this reader cannot take is refused with what it found. */
    static NpyFloats read(Path file) {
        try (InputStream raw = Files.newInputStream(file)) {
            return read(raw, file.toString());
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Reads one array from {@code raw} ({@code file} names it in messages). */
    static NpyFloats read(InputStream raw, String file) {
        try {
            DataInputStream in = new DataInputStream(raw);
            byte[] magic = in.readNBytes(8);
            if (magic.length < 8 || (magic[0] & 0xff) != 0x93
                    || !"NUMPY".equals(new String(magic, 1, 5, StandardCharsets.ISO_8859_1))) {
                throw new IllegalArgumentException(file + " is not a .npy file");
            }
            int headerLength = magic[6] == 1 ? Short.toUnsignedInt(Short.reverseBytes(in.readShort()))
                    : Integer.reverseBytes(in.readInt());
            String header = new String(in.readNBytes(headerLength), StandardCharsets.ISO_8859_1);
            String descr = find(DESCR, header, file);
            if ("True".equals(find(FORTRAN, header, file))) {
                throw new IllegalArgumentException(file + " is in Fortran order; write it in C order (numpy.ascontiguousarray)");
            }
            long[] shape = Arrays.stream(find(SHAPE, header, file).split(","))
                    .map(String::trim).filter(s -> !s.isEmpty()).mapToLong(Long::parseLong).toArray();
            long count = Arrays.stream(shape).reduce(1, Math::multiplyExact);
            int width = switch (descr) {
                case "<f4", "<i4" -> 4;
                case "<f8", "<i8" -> 8;
                default -> throw new IllegalArgumentException(file + " holds " + descr
                        + "; float32, float64, int32 or int64 (little-endian) expected");
            };
            byte[] body = in.readNBytes(Math.toIntExact(count * width));
            if (body.length != count * width) {
                throw new IllegalArgumentException(file + " is cut short: " + body.length + " of " + count * width + " bytes");
            }
            ByteBuffer buffer = ByteBuffer.wrap(body).order(ByteOrder.LITTLE_ENDIAN);
            float[] values = new float[(int) count];
            for (int i = 0; i < values.length; i++) {
                values[i] = switch (descr) {
                    case "<f4" -> buffer.getFloat();
                    case "<f8" -> (float) buffer.getDouble();
                    case "<i4" -> buffer.getInt();
                    default -> buffer.getLong();
                };
            }
            return new NpyFloats(shape, values);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static String find(Pattern pattern, String header, String file) {
        Matcher m = pattern.matcher(header);
        if (!m.find()) {
            throw new IllegalArgumentException(file + " has a header without " + pattern.pattern() + ": " + header.trim());
        }
        return m.group(1);
    }
}
