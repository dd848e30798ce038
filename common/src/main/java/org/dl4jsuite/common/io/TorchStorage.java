package org.dl4jsuite.common.io;

/** A storage a PyTorch checkpoint's pickle refers to by key: its item type and its length in items. */
record TorchStorage(String key, TorchDtype dtype, long items) {

    /** Its length in bytes (items × item size, checked for overflow). */
    long bytes() {
        return Math.multiplyExact(items, dtype.itemSize());
    }
}
