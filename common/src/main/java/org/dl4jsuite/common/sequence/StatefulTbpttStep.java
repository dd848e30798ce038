package org.dl4jsuite.common.sequence;

import org.dl4jsuite.common.workarounds.CarriedStateLstmLayer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.api.layers.RecurrentLayer;
import org.deeplearning4j.nn.conf.BackpropType;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.deeplearning4j.optimize.Solver;
import org.dl4jsuite.common.SuiteException;
import org.dl4jsuite.common.train.Trainer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One truncated-BPTT update per window with the recurrent state carried from each window to the
 * next (char-rnn's and word_language_model's "repackage the hidden state"): the state the last
 * window ended in starts the next one, but no gradient flows back into the previous window. It is
 * reset at the start of every epoch and written with every checkpoint, so a resumed run continues
 * the walk exactly.
 *
 * <p>DL4J's own {@code fit} clears RNN state at the start of every call (MultiLayerNetwork.doTruncatedBPTT),
 * so this step drives DL4J's Solver itself: it sets each LSTM's TBPTT state (read by the forward pass)
 * and runs one optimiser step with the network's own updater. DL4J M2.1's backward pass would restart
 * from zeros; the step therefore swaps the network's LSTM layers for {@link CarriedStateLstmLayer}s,
 * whose backward pass starts from the carried state. The network must be configured with
 * {@link BackpropType#TruncatedBPTT}; its listeners (e.g. {@link GlobalNormClipping}) must be added before the
 * first step.
 */
public final class StatefulTbpttStep implements Trainer.Step {
    private static final String STATE_DIR = "rnn-state";

    private final MultiLayerNetwork network;
    private final String unit;
    private Map<Integer, Map<String, INDArray>> carried = new TreeMap<>();
    private Solver solver;

    /** A step for {@code network}, which must use truncated BPTT; throughput is counted in tokens. */
    public StatefulTbpttStep(MultiLayerNetwork network) {
        this(network, "tok");
    }

    /** As {@link #StatefulTbpttStep(MultiLayerNetwork)}, naming the token in the log line ("char", "word"). */
    public StatefulTbpttStep(MultiLayerNetwork network, String unit) {
        if (network.getLayerWiseConfigurations().getBackpropType() != BackpropType.TruncatedBPTT) {
            throw new IllegalArgumentException("the network must be configured with BackpropType.TruncatedBPTT");
        }
        CarriedStateLstmLayer.installIn(network);
        this.network = network;
        this.unit = unit;
    }

    @Override
    public double fit(Model model, DataSet batch) {
        if (model != network) {
            throw new IllegalArgumentException("this step trains the network it was made for");
        }
        network.setInput(batch.getFeatures());
        network.setLabels(batch.getLabels());
        for (int i : recurrentLayers()) {
            ((RecurrentLayer) network.getLayer(i)).rnnSetTBPTTState(carried.getOrDefault(i, Map.of()));
        }
        if (solver == null) {
            solver = new Solver.Builder().configure(network.conf()).listeners(network.getListeners()).model(network)
                    .build();
            // The updater state that checkpoints save and restore lives in the network's own solver; a new
            // Solver would otherwise make a fresh updater (Adam moments at zero) that nothing saves.
            solver.getOptimizer().setUpdater(network.getUpdater());
        }
        // computeGradientAndScore builds its own workspaces; the updater runs fine without one.
        solver.optimize(LayerWorkspaceMgr.noWorkspaces());
        Map<Integer, Map<String, INDArray>> next = new TreeMap<>();
        for (int i : recurrentLayers()) {
            // rnnGetTBPTTState holds the last time step, already detached from this window's graph.
            next.put(i, new HashMap<>(((RecurrentLayer) network.getLayer(i))
                    .rnnGetTBPTTState()));
        }
        carried = next;
        // DL4J's RNN losses sum over time steps: report the per-token mean.
        return network.score() / batch.getFeatures().size(2);
    }

    @Override
    public void startEpoch(Model model, int epoch, int skip) {
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

    private int[] recurrentLayers() {
        return IntStream.range(0, network.getnLayers())
                .filter(i -> network.getLayer(i) instanceof RecurrentLayer)
                .toArray();
    }
}
