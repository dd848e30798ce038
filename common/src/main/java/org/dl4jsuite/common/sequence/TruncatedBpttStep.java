package org.dl4jsuite.common.sequence;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.deeplearning4j.nn.api.layers.RecurrentLayer;
import org.deeplearning4j.nn.conf.BackpropType;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.updater.MultiLayerUpdater;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.dl4jsuite.common.SuiteException;
import org.dl4jsuite.common.train.Dl4jListeners;
import org.dl4jsuite.common.train.Step;
import org.dl4jsuite.common.workarounds.LeanUpdater;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;


/**
 * One truncated-BPTT update per window with the recurrent state carried from each window to the next (char-rnn's
 * and word_language_model's "repackage the hidden state"), in the order it runs: the state the last window ended
 * in, forward and backward within the window, the per-token mean, global-norm clipping, the updater, the update
 * applied. No gradient flows back into the previous window. The state is reset at the start of every epoch and
 * written with every checkpoint, so a resumed run continues the walk exactly.
 *
 * <p>DL4J's own {@code fit} clears RNN state at the start of every call (MultiLayerNetwork.doTruncatedBPTT), so this
 * step calls the network itself. Its recurrent layers must be {@link CarriedStateLstmLayer}s (the
 * {@code OneDnnLstm} configuration's layer is one), whose backward pass starts from the carried state: DL4J M2.1's
 * own LSTM would restart it from zeros.
 */
public final class TruncatedBpttStep implements Step {
    private static final String STATE_DIR = "rnn-state";

    private final MultiLayerNetwork network;
    private final TokenMean perToken;
    private final GlobalNormClipping clipping;
    private final MultiLayerUpdater updater;
    private final String unit;
    private Map<Integer, Map<String, INDArray>> carried = new TreeMap<>();
    private double lastNorm = Double.NaN;

    /**
     * A step for {@code network} (configured with truncated BPTT) over windows of {@code seqLength} tokens, the
     * per-token gradient clipped to a global norm of {@code clipNorm}, throughput counted in {@code unit}s.
     */
    public TruncatedBpttStep(MultiLayerNetwork network, int seqLength, double clipNorm, String unit) {
        if (network.getLayerWiseConfigurations().getBackpropType() != BackpropType.TruncatedBPTT) {
            throw new IllegalArgumentException("the network must be configured with BackpropType.TruncatedBPTT");
        }
        for (int i : recurrentLayers(network)) {
            if (!(network.getLayer(i) instanceof CarriedStateLstmLayer)) {
                throw new IllegalArgumentException("layer " + i + " (" + network.getLayer(i).getClass().getSimpleName()
                        + ") would be trained with DL4J's truncated-BPTT gradient, which ignores the carried state; "
                        + "configure it as OneDnnLstm or install CarriedStateLstmLayer");
            }
        }
        this.network = network;
        this.perToken = new TokenMean(seqLength);
        this.clipping = new GlobalNormClipping(clipNorm);
        this.updater = LeanUpdater.installIn(network);
        this.unit = unit;
    }

    @Override
    public double fit(DataSet window) {
        int streams = (int) window.getFeatures().size(0);
        for (int i : recurrentLayers(network)) {                // where the last window ended, detached from it
            ((RecurrentLayer) network.getLayer(i)).rnnSetTBPTTState(carried.getOrDefault(i, Map.of()));
        }
        network.setInput(window.getFeatures());
        network.setLabels(window.getLabels());
        network.computeGradientAndScore();                      // forward, loss, backward: Σ over streams and steps
        INDArray gradient = network.getGradientsViewArray();
        perToken.scale(gradient);                                // ÷ T: the references' loss is the per-token mean
        lastNorm = clipping.clip(gradient, streams);             // ‖gradient / streams‖ ≤ --clip
        Dl4jListeners.gradientCalculated(network);
        updater.update(network.gradient(), network.getIterationCount(), network.getEpochCount(), streams,
                LayerWorkspaceMgr.noWorkspaces());               // Adam: gradient / streams → the update, in place
        network.params().subi(gradient.reshape(network.params().shape()));  // θ ← θ − update
        Dl4jListeners.iterationDone(network);
        carried = endState();
        return perToken.loss(network.score());
    }

    /** Each recurrent layer's state at the window's last time step, already detached from the window's graph. */
    private Map<Integer, Map<String, INDArray>> endState() {
        Map<Integer, Map<String, INDArray>> end = new TreeMap<>();
        for (int i : recurrentLayers(network)) {
            end.put(i, new HashMap<>(((RecurrentLayer) network.getLayer(i)).rnnGetTBPTTState()));
        }
        return end;
    }

    @Override
    public void startEpoch(int epoch, int skip) {
        if (skip == 0) {
            reset();
        }
    }

    @Override
    public long examples(DataSet batch) {
        return batch.getFeatures().size(0) * batch.getFeatures().size(2);
    }

    @Override
    public String unit() {
        return unit;
    }

    /** The norm of the last step's per-token, per-stream gradient before clipping; NaN before the first step. */
    public double lastGradientNorm() {
        return lastNorm;
    }

    /** Forgets the carried state: the next window starts from zeros. */
    public void reset() {
        carried = new TreeMap<>();
    }

    /** The state carried into the next window: layer index → {"prevAct", "prevMem"} [batch, hidden]. */
    public Map<Integer, Map<String, INDArray>> carriedState() {
        return carried;
    }

    @Override
    public void save(Path checkpointDirectory) {
        Path dir = checkpointDirectory.resolve(STATE_DIR);
        try {
            Files.createDirectories(dir);
            for (Map.Entry<Integer, Map<String, INDArray>> layer : carried.entrySet()) {
                for (Map.Entry<String, INDArray> entry : layer.getValue().entrySet()) {
                    Nd4j.saveBinary(entry.getValue(), dir.resolve(layer.getKey() + "-" + entry.getKey() + ".bin").toFile());
                }
            }
        } catch (IOException e) {
            throw new SuiteException("could not write the RNN state into " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Restores the state saved by {@link #save} in {@code checkpointDirectory} (none saved: zeros). */
    @Override
    public void restore(Path checkpointDirectory) {
        Path dir = checkpointDirectory.resolve(STATE_DIR);
        Map<Integer, Map<String, INDArray>> restored = new TreeMap<>();
        if (Files.isDirectory(dir)) {
            try (Stream<Path> files = Files.list(dir)) {
                for (Path file : files.toList()) {
                    String name = file.getFileName().toString().replaceFirst("\\.bin$", "");
                    int dash = name.indexOf('-');
                    int layer = Integer.parseInt(name.substring(0, dash));
                    restored.computeIfAbsent(layer, k -> new HashMap<>())
                            .put(name.substring(dash + 1), Nd4j.readBinary(file.toFile()));
                }
            } catch (IOException | RuntimeException e) {
                throw new SuiteException("cannot read the RNN state saved in " + dir + ": " + e.getMessage()
                        + "; start a new run", e);
            }
        }
        carried = restored;
    }

    private static int[] recurrentLayers(MultiLayerNetwork network) {
        return IntStream.range(0, network.getnLayers())
                .filter(i -> network.getLayer(i) instanceof RecurrentLayer)
                .toArray();
    }
}
