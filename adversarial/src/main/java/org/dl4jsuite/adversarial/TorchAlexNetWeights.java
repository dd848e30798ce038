package org.dl4jsuite.adversarial;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.dl4jsuite.common.SuiteException;
import org.dl4jsuite.common.io.NpzFile;
import org.dl4jsuite.common.io.TorchCheckpoint;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Loads torchvision's AlexNet state_dict into {@link AlexNetModel}'s graph: from a PyTorch checkpoint (.pth, .pt: read
 * in Java by {@link TorchCheckpoint}, no Python), or from an .npz written by reference/export_alexnet.py. Conv kernels
 * are [out, in, kh, kw] in both frameworks and copied as they are; PyTorch's linear weights [out, in] are transposed
 * to DL4J's [in, out]; float16 and bfloat16 weights are widened to float32. The first dense layer needs no
 * reordering: PyTorch flattens the NCHW map as C·H·W (C slowest) and DL4J's CnnToFeedForwardPreProcessor reshapes
 * NCHW in c order, the same order (checked by the PyTorch fixture test with a 3×3 map).
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

    /** Builds the AlexNet of {@code config} and loads {@code file} (.pth/.pt or .npz) into it, one array at a time. */
    public static ComputationGraph load(Path file, AlexNetConfig config) {
        requireFile(file);
        ComputationGraph net = AlexNetModel.build(config, 0);
        // 245 MB for torchvision's AlexNet: each array is copied into the network and freed before the next is read.
        Loading loading = new Loading(net, file);
        if (TorchCheckpoint.isNamed(file)) {
            TorchCheckpoint.forEach(file, loading::accept);
        } else {
            NpzFile.forEach(file, loading::accept);
        }
        loading.finish();
        return net;
    }

    /**
     * The AlexNet that {@code file}'s weights fit: a PyTorch checkpoint's widths, classes and pool size are read from
     * its shapes (input 224, as torchvision's); an .npz is torchvision's own AlexNet.
     */
    public static AlexNetConfig configOf(Path file) {
        requireFile(file);
        return TorchCheckpoint.isNamed(file) ? configOf(TorchCheckpoint.shapes(file), file) : AlexNetConfig.defaults();
    }

    /** The widths of the torchvision-layout AlexNet with these state_dict shapes; names the first key that does not fit. */
    static AlexNetConfig configOf(Map<String, long[]> shapes, Path source) {
        List<Integer> channels = new ArrayList<>();
        for (String conv : List.of("features.0", "features.3", "features.6", "features.8", "features.10")) {
            channels.add(dimension(shapes, conv + ".weight", 4, 0, source));
        }
        int hidden = dimension(shapes, "classifier.1.weight", 2, 0, source);
        int flattened = dimension(shapes, "classifier.1.weight", 2, 1, source);
        int classes = dimension(shapes, "classifier.6.weight", 2, 0, source);
        int cells = flattened / channels.get(4);
        int pool = (int) Math.round(Math.sqrt(cells));
        if (pool * pool * channels.get(4) != flattened) {
            throw new SuiteException(source + ": classifier.1.weight takes " + flattened + " inputs, not "
                    + channels.get(4) + " channels × a square pool output: this is not torchvision's AlexNet layout");
        }
        AlexNetConfig defaults = AlexNetConfig.defaults();
        return new AlexNetConfig(defaults.inputSize(), channels, hidden, classes, pool, defaults.dropout());
    }

    private static int dimension(Map<String, long[]> shapes, String key, int rank, int axis, Path source) {
        long[] shape = shapes.get(key);
        if (shape == null || shape.length != rank || shape[axis] <= 0 || shape[axis] > Integer.MAX_VALUE) {
            throw new SuiteException(source + (shape == null ? " has no tensor '" + key + "'"
                    : ": '" + key + "' has shape " + Arrays.toString(shape) + ", not rank " + rank)
                    + "; it is not a state_dict of torchvision's AlexNet (keys features.0.weight … classifier.6.bias). "
                    + "It holds " + shapes.keySet());
        }
        return (int) shape[axis];
    }

    /** Reads every array of an .npz file by key. */
    public static Map<String, INDArray> read(Path npz) {
        requireFile(npz);
        return new LinkedHashMap<>(NpzFile.read(npz));
    }

    private static void requireFile(Path npz) {
        if (!Files.isRegularFile(npz)) {
            throw new SuiteException("weights file not found: " + npz.toAbsolutePath()
                    + " (torchvision's alexnet-owt-7be5be79.pth: --zoo alexnet downloads it)");
        }
    }

    /** Copies {@code arrays} into {@code net}, checking that every key exists with the expected shape. */
    public static void assign(Map<String, INDArray> arrays, ComputationGraph net, Path source) {
        Loading loading = new Loading(net, source);
        arrays.forEach(loading::accept);
        loading.finish();
    }

    /** The state_dict's arrays copied into the graph as they arrive; {@link #finish} names any that never did. */
    private static final class Loading {
        private final ComputationGraph net;
        private final Path source;
        private final Map<String, INDArray> targets = new LinkedHashMap<>();
        private final Set<String> seen = new LinkedHashSet<>();

        Loading(ComputationGraph net, Path source) {
            this.net = net;
            this.source = source;
            for (Map.Entry<String, String> layer : LAYERS.entrySet()) {
                targets.put(layer.getKey() + ".weight", net.getLayer(layer.getValue()).getParam("W"));
                targets.put(layer.getKey() + ".bias", net.getLayer(layer.getValue()).getParam("b"));
            }
        }

        void accept(String key, INDArray array) {
            seen.add(key);
            INDArray target = targets.get(key);
            if (target == null) {
                return;
            }
            long[] shape = torchShape(key, target);
            if (!Arrays.equals(array.shape(), shape)) {
                throw new SuiteException(source + ": array '" + key + "' has shape " + Arrays.toString(array.shape())
                        + ", expected " + Arrays.toString(shape) + " for this AlexNet");
            }
            INDArray value = array.castTo(DataType.FLOAT);
            target.assign(isDenseWeight(key, target) ? value.transpose() : value.reshape(target.shape()));
        }

        private static boolean isDenseWeight(String key, INDArray target) {
            return target.rank() == 2 && key.endsWith(".weight");
        }

        /** The shape PyTorch gives {@code target}: a dense W is [in, out] in DL4J, [out, in] in PyTorch; a bias [1, n] and [n]. */
        private static long[] torchShape(String key, INDArray target) {
            return isDenseWeight(key, target) ? new long[] {target.size(1), target.size(0)}
                    : key.endsWith(".bias") ? new long[] {target.length()} : target.shape();
        }

        void finish() {
            for (Map.Entry<String, INDArray> target : targets.entrySet()) {
                if (!seen.contains(target.getKey())) {
                    throw new SuiteException(source + " has no array '" + target.getKey() + "' (expected shape "
                            + Arrays.toString(torchShape(target.getKey(), target.getValue())) + "); it holds " + seen
                            + ". Save torchvision's alexnet state_dict with torch.save(model.state_dict(), path)");
                }
            }
            AlexNetModel.setNormalization(net);
        }
    }
}
