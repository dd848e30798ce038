package org.dl4jsuite.common.io;

import java.util.Arrays;

/**
 * A tensor as a PyTorch checkpoint describes it ({@code torch._utils._rebuild_tensor_v2}): a view of a storage
 * with an offset, a size and strides, all in items. The constructor refuses a view that reaches past its storage
 * (IllegalArgumentException: the unpickler turns it into its message).
 */
record TorchTensor(TorchStorage storage, long offset, long[] size, long[] stride) {
    /** The most dimensions a tensor may have (ND4J's own limit is 32). */
    static final int MAX_RANK = 32;

    TorchTensor {
        String what = "a tensor of storage '" + storage.key() + "'";
        if (size.length != stride.length || size.length > MAX_RANK) {
            throw new IllegalArgumentException(what + " has size " + Arrays.toString(size) + " and stride "
                    + Arrays.toString(stride) + "; they must have the same rank, at most " + MAX_RANK);
        }
        if (offset < 0 || Arrays.stream(size).anyMatch(s -> s < 0) || Arrays.stream(stride).anyMatch(s -> s < 0)) {
            throw new IllegalArgumentException(what + " has a negative offset, size or stride (offset " + offset + ", size "
                    + Arrays.toString(size) + ", stride " + Arrays.toString(stride) + ")");
        }
        long items = 1;
        long last = offset;
        try {
            for (int d = 0; d < size.length; d++) {
                items = Math.multiplyExact(items, size[d]);
                if (size[d] > 0) {
                    last = Math.addExact(last, Math.multiplyExact(size[d] - 1, stride[d]));
                }
            }
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(what + " has size " + Arrays.toString(size) + " and stride "
                    + Arrays.toString(stride) + ", too large to address");
        }
        if (items > Integer.MAX_VALUE / storage.dtype().itemSize()) {
            // A view with zero strides (torch.expand) may name far more items than its storage holds.
            throw new IllegalArgumentException(what + " of size " + Arrays.toString(size) + " would need "
                    + items * storage.dtype().itemSize() + " bytes; tensors up to 2 GiB are read");
        }
        if (items > 0 && last >= storage.items()) {
            throw new IllegalArgumentException(what + " reaches item " + last + " of a storage of " + storage.items()
                    + " items (offset " + offset + ", size " + Arrays.toString(size) + ", stride "
                    + Arrays.toString(stride) + ")");
        }
        size = size.clone();
        stride = stride.clone();
    }

    /** The number of items: the product of the size. */
    long items() {
        long items = 1;
        for (long s : size) {
            items *= s;
        }
        return items;
    }

    /** Whether the items lie in C order, one after another (dimensions of size 1 may have any stride). */
    boolean contiguous() {
        long expected = 1;
        for (int d = size.length - 1; d >= 0; d--) {
            if (size[d] != 1 && stride[d] != expected) {
                return false;
            }
            expected *= size[d];
        }
        return true;
    }

    /** Whether the tensor is its whole storage, in order. */
    boolean wholeStorage() {
        return offset == 0 && contiguous() && items() == storage.items();
    }

    public long[] size() {
        return size.clone();
    }

    public long[] stride() {
        return stride.clone();
    }
}
