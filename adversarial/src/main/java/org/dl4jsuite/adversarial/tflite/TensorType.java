package org.dl4jsuite.adversarial.tflite;

/** TFLite's tensor element types (schema.fbs {@code enum TensorType}), with their sizes in bytes. */
public enum TensorType {
    FLOAT32(4), FLOAT16(2), INT32(4), UINT8(1), INT64(8), STRING(0), BOOL(1), INT16(2), COMPLEX64(8), INT8(1),
    FLOAT64(8), COMPLEX128(16), UINT64(8), RESOURCE(0), VARIANT(0), UINT32(4), UINT16(2), INT4(0);

    private final int bytes;

    TensorType(int bytes) {
        this.bytes = bytes;
    }

    /** Bytes per element (0 for types without a fixed size). */
    public int bytes() {
        return bytes;
    }

    /** The type with schema code {@code code}, or null for a code this reader does not know. */
    public static TensorType of(int code) {
        return code >= 0 && code < values().length ? values()[code] : null;
    }
}
