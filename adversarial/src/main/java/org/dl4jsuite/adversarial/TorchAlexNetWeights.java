package org.dl4jsuite.adversarial;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.dl4jsuite.common.SuiteException;
import org.dl4jsuite.common.io.NpzFile;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Loads torchvision's AlexNet state_dict, saved as .npz by reference/export_alexnet.py, into
 * {@link AlexNetModel}'s graph. Conv kernels are [out, in, kh, kw] in both frameworks and copied as they
 * are; PyTorch's linear weights [out, in] are transposed to DL4J's [in, out]. The first dense layer needs
 * no reordering: PyTorch flattens the NCHW map as C·H·W (C slowest) and DL4J's CnnToFeedForwardPreProcessor
 * reshapes NCHW in c order, the same order (checked by the PyTorch fixture test with a 3×3 map).
 */
public final class TorchAlexNetWeights {

    /** state_dict key prefix → graph layer name. */
    static final Map<String, String> LAYERS = layers();

    private TorchAlexNetWeights() {
    }

    private static Map<String, String> layers() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("features.0", "conv1");
        m.put("features.3", "conv2");
        m.put("features.6", "conv3");
        m.put("features.8", "conv4");
        m.put("features.10", "conv5");
        m.put("classifier.1", "fc6");
        m.put("classifier.4", "fc7");
        m.put("classifier.6", AlexNetModel.LOGITS);
        return m;
    }

    /** Builds the AlexNet of {@code config} and loads {@code npz} into it. */
    public static ComputationGraph load(Path npz, AlexNetConfig config) {
        ComputationGraph net = AlexNetModel.build(config, 0);
        Map<String, INDArray> arrays = read(npz);
        assign(arrays, net, npz);
        // 245 MB for torchvision's AlexNet: freed now rather than whenever the collector runs.
        arrays.values().stream().filter(INDArray::closeable).forEach(INDArray::close);
        return net;
    }

    /** Reads every array of an .npz file by key. */
    public static Map<String, INDArray> read(Path npz) {
        if (!Files.isRegularFile(npz)) {
            throw new SuiteException("weights file not found: " + npz.toAbsolutePath()
                    + " (write one with reference/export_alexnet.py)");
        }
        return new LinkedHashMap<>(NpzFile.read(npz));
    }

    /** Copies {@code arrays} into {@code net}, checking that every key exists with the expected shape. */
    public static void assign(Map<String, INDArray> arrays, ComputationGraph net, Path source) {
        for (Map.Entry<String, String> layer : LAYERS.entrySet()) {
            INDArray w = net.getLayer(layer.getValue()).getParam("W");
            INDArray b = net.getLayer(layer.getValue()).getParam("b");
            boolean dense = w.rank() == 2;
            // DL4J's dense W is [in, out]; PyTorch's is [out, in].
            long[] torchWeightShape = dense ? new long[] {w.size(1), w.size(0)} : w.shape();
            INDArray tw = require(arrays, layer.getKey() + ".weight", torchWeightShape, source);
            INDArray tb = require(arrays, layer.getKey() + ".bias", new long[] {b.length()}, source);
            w.assign(dense ? tw.transpose() : tw);
            b.assign(tb.reshape(b.shape()));
        }
        AlexNetModel.setNormalization(net);
    }

    private static INDArray require(Map<String, INDArray> arrays, String key, long[] shape, Path source) {
        INDArray a = arrays.get(key);
        if (a == null) {
            throw new SuiteException(source + " has no array '" + key + "' (expected shape " + Arrays.toString(shape)
                    + "); it holds " + arrays.keySet() + ". Export torchvision's alexnet state_dict with reference/export_alexnet.py");
        }
        if (!Arrays.equals(a.shape(), shape)) {
            throw new SuiteException(source + ": array '" + key + "' has shape " + Arrays.toString(a.shape())
                    + ", expected " + Arrays.toString(shape) + " for this AlexNet");
        }
        return a.castTo(org.nd4j.linalg.api.buffer.DataType.FLOAT);
    }
}
