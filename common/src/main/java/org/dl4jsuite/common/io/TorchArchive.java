package org.dl4jsuite.common.io;

import java.io.Closeable;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/** One PyTorch checkpoint file, opened: its tensors by key, and each storage's bytes on request. */
interface TorchArchive extends Closeable {
    /** The tensors of the pickled dict (nested dicts flattened to dotted keys), in the file's order. */
    Map<String, TorchTensor> tensors();

    /** A new array of {@code shape} (as many items as the storage) holding {@code storage}'s items, read from the file. */
    INDArray read(TorchStorage storage, long[] shape);

    @Override
    void close();
}
