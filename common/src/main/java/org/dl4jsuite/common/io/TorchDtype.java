package org.dl4jsuite.common.io;

import java.util.Arrays;
import java.util.Optional;
import org.nd4j.linalg.api.buffer.DataType;

/** A PyTorch storage type a checkpoint names ({@code torch.FloatStorage} …), with ND4J's type and the item size. */
enum TorchDtype {
    FLOAT("FloatStorage", DataType.FLOAT, 4),
    HALF("HalfStorage", DataType.HALF, 2),
    BFLOAT16("BFloat16Storage", DataType.BFLOAT16, 2),
    DOUBLE("DoubleStorage", DataType.DOUBLE, 8),
    LONG("LongStorage", DataType.LONG, 8),
    INT("IntStorage", DataType.INT, 4),
    SHORT("ShortStorage", DataType.SHORT, 2),
    CHAR("CharStorage", DataType.BYTE, 1),
    BYTE("ByteStorage", DataType.UBYTE, 1),
    BOOL("BoolStorage", DataType.BOOL, 1);

    private final String storageName;
    private final DataType dataType;
    private final int itemSize;

    TorchDtype(String storageName, DataType dataType, int itemSize) {
        this.storageName = storageName;
        this.dataType = dataType;
        this.itemSize = itemSize;
    }

    /** The type named by the global {@code torch.<name>}, if it is a storage type. */
    static Optional<TorchDtype> ofStorage(String name) {
        return Arrays.stream(values()).filter(d -> d.storageName.equals(name)).findFirst();
    }

    /** The storage class's name, as {@code torch.FloatStorage} spells it. */
    String storageName() {
        return storageName;
    }

    DataType dataType() {
        return dataType;
    }

    int itemSize() {
        return itemSize;
    }
}
