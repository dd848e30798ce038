package org.dl4jsuite.common.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.dl4jsuite.common.SuiteException;
import org.dl4jsuite.common.TestResources;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** NumPy archives written by numpy itself (the fuzz seeds) read to the values numpy wrote; damaged ones are refused. */
class NpzFileTest {
    @TempDir
    Path tmp;

    static Path seed(String name) {
        return TestResources.path(NpzFileTest.class, "NpzFileFuzzTestInputs/readsOrRefuses/" + name);
    }

    @Test
    void readsEveryDtypeOrderAndByteOrderNumpyWrote() {
        Map<String, INDArray> a = NpzFile.read(seed("mixed.npz"));
        assertThat(a.keySet()).containsExactly("w", "f", "i", "u", "b", "s", "be");
        assertThat(a.get("w").shape()).containsExactly(2, 3);
        assertThat(a.get("w").getFloat(1, 2)).isEqualTo(5f);
        // np.asfortranarray(arange(6).reshape(2, 3)): element [1, 0] is still 3.
        assertThat(a.get("f").dataType()).isEqualTo(DataType.DOUBLE);
        assertThat(a.get("f").getDouble(1, 0)).isEqualTo(3.0);
        assertThat(a.get("f").getDouble(0, 2)).isEqualTo(2.0);
        assertThat(a.get("i").toLongVector()).containsExactly(-1L, 1L << 40);
        assertThat(a.get("u").dataType()).isEqualTo(DataType.UBYTE);
        assertThat(a.get("u").getInt(1)).isEqualTo(200);
        assertThat(a.get("b").getDouble(0)).isEqualTo(1.0);
        assertThat(a.get("s").rank()).isZero();
        assertThat(a.get("s").getFloat(0)).isEqualTo(2.5f);
        assertThat(a.get("be").toIntVector()).containsExactly(0, 1, 2);
    }

    @Test
    void readsCompressedArchives() {
        Map<String, INDArray> a = NpzFile.read(seed("compressed.npz"));
        assertThat(a.get("weight").shape()).containsExactly(3, 4);
        assertThat(a.get("weight").getFloat(0, 0)).isEqualTo(-1f);
        assertThat(a.get("weight").getFloat(2, 3)).isEqualTo(1f);
        assertThat(a.get("bias").sumNumber().doubleValue()).isZero();
    }

    @Test
    void forEachHandsOverWhatReadGivesAndFreesEachArray() throws IOException {
        Map<String, INDArray> all = NpzFile.read(seed("mixed.npz"));
        Map<String, INDArray> copies = new LinkedHashMap<>();
        List<INDArray> handed = new ArrayList<>();
        NpzFile.forEach(seed("mixed.npz"), (key, array) -> {
            copies.put(key, array.dup());
            handed.add(array);
        });
        assertThat(copies.keySet()).containsExactlyElementsOf(all.keySet());
        all.forEach((key, array) -> assertThat(copies.get(key)).as(key).isEqualTo(array));
        // The float32 arrays, streamed into native memory, are freed as soon as the consumer returns.
        assertThat(handed).filteredOn(a -> a.dataType() == DataType.FLOAT && a.rank() > 0).isNotEmpty()
                .allMatch(INDArray::wasClosed);
        // A Fortran-order float32 member, streamed into native memory: element [1, 0] is the second value.
        byte[] fortran = npy("{'descr': '<f4', 'fortran_order': True, 'shape': (2, 3), }\n", 24);
        ByteBuffer.wrap(fortran, fortran.length - 24, 24).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer()
                .put(new float[] {0, 1, 2, 3, 4, 5});
        INDArray f = NpzFile.read(stored("f.npy", fortran)).get("f");
        assertThat(f.getFloat(1, 0)).isEqualTo(1f);
        assertThat(f.getFloat(0, 1)).isEqualTo(2f);
        assertThat(f.getFloat(1, 2)).isEqualTo(5f);
    }

    @Test
    void refusesHeadersThatLieAboutTheData() throws IOException {
        // ND4J's own reader never returns on a header without its closing newline.
        assertRefusedBothWays("x.npy", npy("{'descr': '<f4', 'fortran_order': False, 'shape': (2,), }", 8),
                "readable .npy");
        assertRefusedBothWays("x.npy", npy("{'descr': '<f4', 'fortran_order': False, 'shape': (1000000000, 1000000000), }\n", 8),
                "more than 2^31 items");
        assertRefusedBothWays("x.npy", npy("{'descr': '<f4', 'fortran_order': False, 'shape': (3,), }\n", 8),
                "(12 bytes) but holds 8 bytes");
        assertRefusedBothWays("x.npy", npy("{'descr': '|O8', 'fortran_order': False, 'shape': (1,), }\n", 8),
                "dtype '|O8'");
        assertRefusedBothWays("x.npy", npy("{'descr': '<f4', 'fortran_order': False, 'shape': (0,), }\n", 0),
                "every dimension must be positive");
        assertRefusedBothWays("notes.txt", "hello".getBytes(StandardCharsets.UTF_8), "not a .npy member");
        Path notZip = Files.writeString(tmp.resolve("plain.npz"), "not a zip");
        assertThatThrownBy(() -> NpzFile.read(notZip)).isInstanceOf(SuiteException.class)
                .hasMessageContaining("not a readable .npz archive");
    }

    /** Refused as numpy.savez writes it (stored, streamed into native memory) and as savez_compressed does. */
    private void assertRefusedBothWays(String member, byte[] content, String message) throws IOException {
        assertRefused(npz(member, content), message);
        assertRefused(stored(member, content), message);
    }

    private void assertRefused(Path file, String message) {
        assertThatThrownBy(() -> NpzFile.read(file)).isInstanceOf(SuiteException.class).hasMessageContaining(message);
    }

    private static byte[] npy(String header, int dataBytes) {
        byte[] h = header.getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[10 + h.length + dataBytes];
        byte[] magic = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0, (byte) h.length, 0};
        System.arraycopy(magic, 0, out, 0, 10);
        System.arraycopy(h, 0, out, 10, h.length);
        return out;
    }

    /** An archive of one member stored uncompressed, as numpy.savez writes them. */
    private Path stored(String member, byte[] content) throws IOException {
        Path file = Files.createTempFile(tmp, "s", ".npz");
        try (OutputStream os = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(os)) {
            ZipEntry entry = new ZipEntry(member);
            entry.setMethod(ZipEntry.STORED);
            entry.setSize(content.length);
            CRC32 crc = new CRC32();
            crc.update(content);
            entry.setCrc(crc.getValue());
            zip.putNextEntry(entry);
            zip.write(content);
            zip.closeEntry();
        }
        return file;
    }

    private Path npz(String member, byte[] content) throws IOException {
        Path file = Files.createTempFile(tmp, "a", ".npz");
        try (OutputStream os = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(os)) {
            zip.putNextEntry(new ZipEntry(member));
            zip.write(content);
            zip.closeEntry();
        }
        return file;
    }
}
