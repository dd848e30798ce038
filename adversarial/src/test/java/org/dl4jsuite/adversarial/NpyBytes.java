package org.dl4jsuite.adversarial;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A float32 array as numpy's .npy v1.0 bytes, header exactly as numpy writes it (ND4J's own
 * toNpyByteArray output is not read back by its npz reader in M2.1: "Unsupported data type").
 */
final class NpyBytes {
    private NpyBytes() {
    }

    /** Adds {@code array} as an uncompressed ("stored") entry, as numpy's savez writes them; ND4J reads only those. */
    static void putStored(java.util.zip.ZipOutputStream zip, String name, INDArray array) throws java.io.IOException {
        byte[] bytes = of(array);
        java.util.zip.ZipEntry entry = new java.util.zip.ZipEntry(name);
        entry.setMethod(java.util.zip.ZipEntry.STORED);
        entry.setSize(bytes.length);
        entry.setCompressedSize(bytes.length);
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(bytes);
        entry.setCrc(crc.getValue());
        zip.putNextEntry(entry);
        zip.write(bytes);
        zip.closeEntry();
    }

    static byte[] of(INDArray array) {
        long[] shape = array.shape();
        String dims = Arrays.stream(shape).mapToObj(Long::toString).collect(Collectors.joining(", "));
        String header = "{'descr': '<f4', 'fortran_order': False, 'shape': (" + dims + (shape.length == 1 ? "," : "") + "), }";
        int unpadded = 10 + header.length() + 1;
        header = header + " ".repeat((64 - unpadded % 64) % 64) + "\n";
        float[] values = array.dup('c').castTo(DataType.FLOAT).data().asFloat();
        ByteBuffer buffer = ByteBuffer.allocate(10 + header.length() + 4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        buffer.put((byte) 0x93).put("NUMPY".getBytes(StandardCharsets.US_ASCII)).put((byte) 1).put((byte) 0);
        buffer.putShort((short) header.length()).put(header.getBytes(StandardCharsets.US_ASCII));
        buffer.asFloatBuffer().put(values);
        return buffer.array();
    }
}
