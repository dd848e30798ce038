package org.dl4jsuite.common.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.dl4jsuite.common.model.ModelFile;
import org.dl4jsuite.common.runtime.ComputeBackend;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/** The loop with the run's listeners: exact resume, records, divergence, stop requests. */
class TrainingLoopTest {
    private static final long SEED = 7;

    @TempDir
    Path tmp;

    @BeforeAll
    static void backend() {
        ComputeBackend.initialise(0);
    }

    private static TrainingLoop.Result train(Path dir, MultiLayerNetwork net, BatchSource data, int epochs,
                                             long maxSteps, TrainingState start, StopSignal stop) {
        return TestLoops.train(dir, net, data, new FeedForwardStep(net),
                List.of(new EpochEvaluation(e -> Map.of("test_metric", (double) e))), epochs, maxSteps, 5, SEED, start,
                stop);
    }

    private TrainingLoop.Result run(Path dir, MultiLayerNetwork net, int epochs, long maxSteps, TrainingState start) {
        return train(dir, net, TinyClassifier.data(200, 16, SEED), epochs, maxSteps, start, StopSignal.manual());
    }

    @Test
    void resumedRunEndsWithExactlyTheParametersOfAnUninterruptedOne() {
        MultiLayerNetwork straight = TinyClassifier.network(SEED);
        TrainingLoop.Result full = run(tmp.resolve("a"), straight, 3, 0, TrainingState.start());
        assertThat(full.outcome()).isEqualTo(TrainingLoop.Outcome.COMPLETED);
        assertThat(full.state().step()).isEqualTo(3 * 13);

        Path b = tmp.resolve("b");
        TrainingLoop.Result cut = run(b, TinyClassifier.network(SEED), 3, 17, TrainingState.start());
        assertThat(cut.outcome()).isEqualTo(TrainingLoop.Outcome.MAX_STEPS);
        Checkpoints.Checkpoint latest = new Checkpoints(b.resolve("ckpt"), 2).latest().orElseThrow();
        assertThat(latest.state().step()).isEqualTo(17);
        assertThat(latest.state().epoch()).isEqualTo(1);
        assertThat(latest.state().batchInEpoch()).isEqualTo(4);

        MultiLayerNetwork restored = ModelFile.loadMultiLayer(latest.modelFile(), "test", true);
        TrainingLoop.Result resumed = run(b, restored, 3, 0, latest.state());
        assertThat(resumed.state().step()).isEqualTo(full.state().step());
        assertThat(restored.params()).isEqualTo(straight.params());
        assertThat(restored.getUpdater().getStateViewArray()).isEqualTo(straight.getUpdater().getStateViewArray());
    }

    @Test
    void resumeWithoutTheUpdaterStateWouldDiverge() {
        // Guards the test above: if resuming dropped Adam's moments, the parameters would differ.
        MultiLayerNetwork straight = TinyClassifier.network(SEED);
        run(tmp.resolve("a"), straight, 2, 0, TrainingState.start());
        Path b = tmp.resolve("b");
        run(b, TinyClassifier.network(SEED), 2, 9, TrainingState.start());
        Checkpoints.Checkpoint latest = new Checkpoints(b.resolve("ckpt"), 2).latest().orElseThrow();
        MultiLayerNetwork withoutUpdater = ModelFile.loadMultiLayer(latest.modelFile(), "test", false);
        run(b, withoutUpdater, 2, 0, latest.state());
        assertThat(withoutUpdater.params()).isNotEqualTo(straight.params());
    }

    @Test
    void sameSeedGivesTheSameLosses() {
        run(tmp.resolve("a"), TinyClassifier.network(SEED), 2, 0, TrainingState.start());
        run(tmp.resolve("b"), TinyClassifier.network(SEED), 2, 0, TrainingState.start());
        List<Double> a = losses(tmp.resolve("a/metrics.jsonl"));
        assertThat(a).hasSize(13 + 2);
        assertThat(losses(tmp.resolve("b/metrics.jsonl"))).isEqualTo(a);
    }

    @Test
    void metricsRecordsCarryStepEpochLossThroughputAndTime() {
        run(tmp, TinyClassifier.network(SEED), 2, 0, TrainingState.start());
        List<Map<String, Object>> records = MetricsLog.read(tmp.resolve("metrics.jsonl"));
        Map<String, Object> first = records.get(0);
        assertThat(first).containsKeys("type", "step", "epoch", "loss", "examples_per_s", "wall_s", "heap_mib", "offheap_mib");
        assertThat((Double) first.get("heap_mib")).isPositive();
        assertThat((Double) first.get("offheap_mib")).isPositive();
        assertThat(first.get("type")).isEqualTo("step");
        assertThat(first.get("step")).isEqualTo(2.0);
        assertThat((Double) first.get("examples_per_s")).isPositive();
        Map<String, Object> epoch = records.stream().filter(r -> "epoch".equals(r.get("type"))).findFirst().orElseThrow();
        assertThat(epoch.get("step")).isEqualTo(13.0);
        assertThat(epoch.get("test_metric")).isEqualTo(1.0);
        // Training learns the task: the second epoch's mean loss is below the first's.
        List<Map<String, Object>> epochs = records.stream().filter(r -> "epoch".equals(r.get("type"))).toList();
        assertThat((Double) epochs.get(1).get("loss")).isLessThan((Double) epochs.get(0).get("loss"));
    }

    @Test
    void nanLossStopsTrainingAndKeepsTheLastGoodCheckpoint() {
        MultiLayerNetwork net = TinyClassifier.network(SEED);
        InMemoryBatches good = TinyClassifier.data(200, 16, SEED);
        BatchSource poisoned = new BatchSource() {
            @Override
            public int batchesPerEpoch() {
                return good.batchesPerEpoch();
            }

            @Override
            public java.util.Iterator<DataSet> epoch(int epoch, int skip) {
                java.util.Iterator<DataSet> inner = good.epoch(epoch, skip);
                return new java.util.Iterator<>() {
                    int index = skip;

                    public boolean hasNext() {
                        return inner.hasNext();
                    }

                    public DataSet next() {
                        DataSet batch = inner.next();
                        int position = index++;
                        if (epoch == 1 && position == 3) {
                            INDArray f = batch.getFeatures().dup();
                            f.putScalar(0, 0, Double.NaN);
                            return new DataSet(f, batch.getLabels());
                        }
                        return batch;
                    }
                };
            }
        };
        assertThatThrownBy(() -> train(tmp, net, poisoned, 3, 0, TrainingState.start(), StopSignal.manual()))
                .isInstanceOf(TrainingDivergedException.class)
                .hasMessageContaining("NaN")
                .hasMessageContaining("step 17")
                .hasMessageContaining("last good checkpoint")
                .hasMessageContaining("--resume");
        Checkpoints.Checkpoint kept = new Checkpoints(tmp.resolve("ckpt"), 2).latest().orElseThrow();
        assertThat(kept.state().step()).isEqualTo(15);
        MultiLayerNetwork restored = ModelFile.loadMultiLayer(kept.modelFile(), "test", true);
        assertThat(restored.params().isNaN().any()).isFalse();
    }

    @Test
    void aStopRequestWritesACheckpointAndReportsInterrupted() {
        StopSignal stop = StopSignal.manual();
        stop.request();
        TrainingLoop.Result result = train(tmp, TinyClassifier.network(SEED), TinyClassifier.data(200, 16, SEED), 3, 0,
                TrainingState.start(), stop);
        assertThat(result.outcome()).isEqualTo(TrainingLoop.Outcome.INTERRUPTED);
        assertThat(result.state().step()).isEqualTo(1);
        assertThat(new Checkpoints(tmp.resolve("ckpt"), 2).latest().orElseThrow().state().step()).isEqualTo(1);
    }

    @Test
    void theLoopCollectsWhenAStepGrowsTheResidentSetPastItsBudget() {
        MultiLayerNetwork net = TinyClassifier.network(SEED);
        FeedForwardStep fit = new FeedForwardStep(net);
        List<INDArray> kept = new java.util.ArrayList<>();
        Step growing = batch -> {
            kept.add(Nd4j.create(DataType.FLOAT, 24, 1024, 1024).addi(1)); // 96 MiB more resident every step
            return fit.fit(batch);
        };
        long fullBefore = fullCollections();
        TrainingLoop.Result result = TestLoops.train(tmp, net, TinyClassifier.data(200, 16, SEED), growing, List.of(),
                1, 6, 100, SEED, TrainingState.start(), StopSignal.manual());
        // The tiny network's heap churn never asks for a full collection by itself; every step past the first grew
        // the RSS by twice the loop's 48 MiB. Buffers that earlier tests left dead may still be freed just after a
        // collection has taken its new baseline, which can hide one step's growth: at least three of the five.
        assertThat(result.state().step()).isEqualTo(6);
        assertThat(fullCollections() - fullBefore).isGreaterThanOrEqualTo(3);
        kept.forEach(INDArray::close);
    }

    /** Collections of the old generation (G1's, the serial collector's, Parallel's): System.gc runs one. */
    private static long fullCollections() {
        return java.lang.management.ManagementFactory.getGarbageCollectorMXBeans().stream()
                .filter(b -> b.getName().contains("Old") || b.getName().contains("MarkSweep"))
                .mapToLong(java.lang.management.GarbageCollectorMXBean::getCollectionCount).sum();
    }

    private static List<Double> losses(Path metrics) {
        return MetricsLog.read(metrics).stream().map(r -> (Double) r.get("loss")).toList();
    }
}
