package org.dl4jsuite.common.onednn;

import static org.bytedeco.dnnl.global.dnnl.dnnl_memory_create;
import static org.bytedeco.dnnl.global.dnnl.dnnl_memory_desc_get_size;
import static org.bytedeco.dnnl.global.dnnl.dnnl_memory_destroy;
import static org.bytedeco.dnnl.global.dnnl.dnnl_memory_set_data_handle;

import org.bytedeco.dnnl.dnnl_memory;
import org.bytedeco.dnnl.dnnl_memory_desc_t;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.Pointer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A oneDNN memory object over a buffer this class keeps alive: either a detached ND4J float array (plain
 * layouts, which ND4J ops then read and write in place) or native bytes (layouts only oneDNN understands);
 * or, {@link #external}, over whichever ND4J array the caller {@link #bind}s before each execution.
 */
final class OneDnnMemory implements AutoCloseable {
    private final dnnl_memory memory = new dnnl_memory();
    private final INDArray array;
    private final BytePointer bytes;
    private final long size;

    private OneDnnMemory(OneDnn dnn, dnnl_memory_desc_t desc, INDArray array, BytePointer bytes) {
        this.array = array;
        this.bytes = bytes;
        this.size = dnnl_memory_desc_get_size(desc);
        Pointer handle = array != null ? array.data().addressPointer() : bytes;   // null: bound later
        OneDnn.check(dnnl_memory_create(memory, desc, dnn.engine(), handle), "create a memory object");
    }

    /** A memory over a new float array of {@code shape} ('c'), which must hold exactly {@code desc}'s bytes. */
    static OneDnnMemory ofArray(OneDnn dnn, dnnl_memory_desc_t desc, long... shape) {
        INDArray array;
        try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
            array = Nd4j.zeros(DataType.FLOAT, shape);
        }
        if (array.length() * 4 != dnnl_memory_desc_get_size(desc)) {
            throw new IllegalStateException("a [" + array.shapeInfoToString() + "] array does not hold a oneDNN "
                    + dnnl_memory_desc_get_size(desc) + "-byte memory");
        }
        return new OneDnnMemory(dnn, desc, array, null);
    }

    /** A memory over new native bytes in whatever layout {@code desc} names. */
    static OneDnnMemory opaque(OneDnn dnn, dnnl_memory_desc_t desc) {
        BytePointer bytes = new BytePointer(Math.max(1, dnnl_memory_desc_get_size(desc)));
        Pointer.memset(bytes, 0, bytes.capacity());
        return new OneDnnMemory(dnn, desc, null, bytes);
    }

    /** A memory in the plain layout {@code desc} over no buffer yet: {@link #bind} gives it the caller's array. */
    static OneDnnMemory external(OneDnn dnn, dnnl_memory_desc_t desc) {
        return new OneDnnMemory(dnn, desc, null, null);
    }

    /**
     * Points this external memory at {@code a}'s buffer for oneDNN to read: a dense 'c'-order float array is used
     * as it is, any other is copied first; the array returned is the one bound.
     */
    INDArray bindSource(INDArray a) {
        return bind(dense(a) ? a : a.castTo(DataType.FLOAT).dup('c'));
    }

    /** Points this external memory at {@code a}'s buffer for oneDNN to write, which must be a dense 'c'-order float array. */
    INDArray bindTarget(INDArray a) {
        if (!dense(a)) {
            throw new IllegalStateException("oneDNN writes only into a dense 'c'-order float array, not [" + a.shapeInfoToString() + "]");
        }
        return bind(a);
    }

    /** Whether {@code a} is a dense 'c'-order float array over its whole buffer (oneDNN can use it as it is). */
    static boolean dense(INDArray a) {
        return a.dataType() == DataType.FLOAT && a.ordering() == 'c' && !a.isView() && a.offset() == 0
                && a.length() == a.data().length();
    }

    private INDArray bind(INDArray a) {
        if (array != null || bytes != null) {
            throw new IllegalStateException("only an external oneDNN memory is bound to an array");
        }
        if (a.length() * 4 != size) {
            throw new IllegalStateException("a [" + a.shapeInfoToString() + "] array does not hold a oneDNN "
                    + size + "-byte memory");
        }
        OneDnn.check(dnnl_memory_set_data_handle(memory, a.data().addressPointer()), "bind a memory to an array");
        return a;
    }

    /** Points this external memory at {@code scratch}, which must hold at least {@link #size()} bytes. */
    void bindScratch(Pointer scratch) {
        if (array != null || bytes != null) {
            throw new IllegalStateException("only an external oneDNN memory is bound to scratch bytes");
        }
        OneDnn.check(dnnl_memory_set_data_handle(memory, scratch), "bind a scratchpad");
    }

    /** The bytes this memory's descriptor spans. */
    long size() {
        return size;
    }

    dnnl_memory memory() {
        return memory;
    }

    /** The ND4J array behind a plain memory. */
    INDArray array() {
        if (array == null) {
            throw new IllegalStateException("an opaque oneDNN memory has no ND4J view");
        }
        return array;
    }

    /** Sets every byte to zero (oneDNN's backward accumulates into its weight gradients). */
    void zero() {
        if (array != null) {
            array.assign(0);
        } else if (bytes != null) {
            Pointer.memset(bytes, 0, size);
        }
    }

    @Override
    public void close() {
        dnnl_memory_destroy(memory);
        if (array != null) {
            array.close();
        } else if (bytes != null) {
            bytes.deallocate();
        }
    }
}
