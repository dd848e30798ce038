package org.dl4jsuite.adversarial.tflite;

import com.google.flatbuffers.Table;
import java.nio.ByteBuffer;

/**
 * A FlatBuffers table of the TFLite schema read through the FlatBuffers Java runtime, with the checks a
 * file from a user needs: every vector's claimed length is compared with the bytes left in the file before
 * anything is allocated. Offsets that point outside the file surface as IndexOutOfBoundsException, which
 * {@link TfliteReader} turns into one message about a truncated or corrupt file.
 */
class FlatTable extends Table {

    FlatTable(ByteBuffer bb, int position) {
        __reset(position, bb);
    }

    /** The vtable slot of field number {@code field} (declaration order in schema.fbs; a union takes two). */
    static int slot(int field) {
        return 4 + 2 * field;
    }

    boolean has(int field) {
        return __offset(slot(field)) != 0;
    }

    int intField(int field, int otherwise) {
        int o = __offset(slot(field));
        return o == 0 ? otherwise : bb.getInt(o + bb_pos);
    }

    long uintField(int field) {
        int o = __offset(slot(field));
        return o == 0 ? 0 : Integer.toUnsignedLong(bb.getInt(o + bb_pos));
    }

    long longField(int field, long otherwise) {
        int o = __offset(slot(field));
        return o == 0 ? otherwise : bb.getLong(o + bb_pos);
    }

    byte byteField(int field, byte otherwise) {
        int o = __offset(slot(field));
        return o == 0 ? otherwise : bb.get(o + bb_pos);
    }

    float floatField(int field, float otherwise) {
        int o = __offset(slot(field));
        return o == 0 ? otherwise : bb.getFloat(o + bb_pos);
    }

    String stringField(int field) {
        int o = __offset(slot(field));
        if (o == 0) {
            return "";
        }
        length(field, 1);
        return __string(o + bb_pos);
    }

    /** The table a table-valued field (or the value half of a union) points to, or null when absent. */
    FlatTable tableField(int field) {
        int o = __offset(slot(field));
        return o == 0 ? null : new FlatTable(bb, __indirect(o + bb_pos));
    }

    /** Element {@code i} of a vector of tables. */
    FlatTable tableAt(int field, int i) {
        int start = __vector(__offset(slot(field)));
        return new FlatTable(bb, __indirect(start + 4 * i));
    }

    /** Length of a vector field (0 when absent), checked against the bytes left in the file. */
    int length(int field, int elementBytes) {
        int o = __offset(slot(field));
        if (o == 0) {
            return 0;
        }
        int start = __vector(o);
        int n = __vector_len(o);
        if (n < 0 || start < 0 || (long) n * elementBytes > bb.limit() - (long) start) {
            throw new IndexOutOfBoundsException("a vector claims " + Integer.toUnsignedString(n) + " elements of "
                    + elementBytes + " bytes at offset " + start + " in a file of " + bb.limit() + " bytes");
        }
        return n;
    }

    int[] ints(int field) {
        java.nio.IntBuffer b = elements(field, 4).asIntBuffer();
        int[] values = new int[b.remaining()];
        b.get(values);
        return values;
    }

    float[] floats(int field) {
        java.nio.FloatBuffer b = elements(field, 4).asFloatBuffer();
        float[] values = new float[b.remaining()];
        b.get(values);
        return values;
    }

    long[] longs(int field) {
        java.nio.LongBuffer b = elements(field, 8).asLongBuffer();
        long[] values = new long[b.remaining()];
        b.get(values);
        return values;
    }

    /** A byte vector as a read-only little-endian view of the file (no copy). */
    ByteBuffer bytes(int field) {
        return elements(field, 1);
    }

    /** The bytes of a vector field's elements as a read-only little-endian view (empty when absent). */
    private ByteBuffer elements(int field, int elementBytes) {
        int n = length(field, elementBytes);
        if (n == 0) {
            return ByteBuffer.allocate(0).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        }
        int start = __vector(__offset(slot(field)));
        return bb.duplicate().position(start).limit(start + n * elementBytes).slice().asReadOnlyBuffer()
                .order(java.nio.ByteOrder.LITTLE_ENDIAN);
    }
}
