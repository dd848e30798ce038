package org.dl4jsuite.common.sequence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.dl4jsuite.common.model.ModelFile;
import org.dl4jsuite.common.model.ModelMetadata;
import org.dl4jsuite.common.runtime.ComputeBackend;
import org.dl4jsuite.common.train.Checkpoints;
import org.dl4jsuite.common.train.MetricsLog;
import org.dl4jsuite.common.train.StepEvaluation;
import org.dl4jsuite.common.train.StopSignal;
import org.dl4jsuite.common.train.TestLoops;
import org.dl4jsuite.common.train.TrainingLoop;
import org.dl4jsuite.common.train.TrainingState;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.learning.config.Adam;

/** The shared Trainer driving the stateful TBPTT step: periodic evaluation, and exact resume in mid-epoch. */
class StatefulResumeTest {
    private static final long SEED = 3;
    private static final ModelMetadata METADATA = new ModelMetadata("test", "tiny-lstm", ModelMetadata.MULTI_LAYER, Map.of());

    @TempDir
    Path tmp;

    @BeforeAll
    static void backend() {
        ComputeBackend.initialise(0);
    }

    private static StreamBatches data() {
        SplittableRandom random = new SplittableRandom(SEED);
        int[] tokens = new int[4 * 41];
        for (int i = 0; i < tokens.length; i++) {
            tokens[i] = random.nextInt(6);
        }
        return new StreamBatches(tokens, 4, 5); // 41 columns: 8 windows per epoch
    }

    private static MultiLayerNetwork carried(MultiLayerNetwork net) {
        CarriedStateLstmLayer.installIn(net);
        return net;
    }

    private static TruncatedBpttStep stepFor(MultiLayerNetwork net) {
        return new TruncatedBpttStep(net, 5, 1.0, "tok");
    }

    private static TrainingLoop.Result train(Path dir, MultiLayerNetwork net, TruncatedBpttStep step, long maxSteps,
                                             TrainingState start) {
        StepEvaluation validation = new StepEvaluation(4, state -> Map.of("val_loss",
                StreamLoss.meanNats(net, new int[] {1, 2, 3, 4, 5, 0, 1}, 1, 5)));
        return TestLoops.train(dir, net, data(), step, List.of(validation), 3, maxSteps, 100, SEED, start,
                StopSignal.manual());
    }

    @Test
    void aRunResumedInMidEpochEndsWithTheParametersOfAnUninterruptedOne() {
        MultiLayerNetwork straight = carried(TinyLstm.network(6, 5, new Adam(1e-2), SEED));
        TrainingLoop.Result full = train(tmp.resolve("a"), straight, stepFor(straight), 0, TrainingState.start());
        assertThat(full.state().step()).isEqualTo(24);

        Path b = tmp.resolve("b");
        MultiLayerNetwork first = carried(TinyLstm.network(6, 5, new Adam(1e-2), SEED));
        train(b, first, stepFor(first), 11, TrainingState.start());
        Checkpoints.Checkpoint latest = new Checkpoints(b.resolve("ckpt"), 2).latest().orElseThrow();
        assertThat(latest.state().batchInEpoch()).isEqualTo(3);
        assertThat(latest.directory().resolve("rnn-state")).isDirectory();

        // without the saved RNN state a resumed run differs: the assertion below can fail
        MultiLayerNetwork forgetful = carried(ModelFile.loadMultiLayer(latest.modelFile(), "test", true));
        train(tmp.resolve("c"), forgetful, stepFor(forgetful), 0, latest.state());
        assertThat(forgetful.params()).isNotEqualTo(straight.params());

        MultiLayerNetwork restored = carried(ModelFile.loadMultiLayer(latest.modelFile(), "test", true));
        TruncatedBpttStep step = stepFor(restored);
        step.restore(latest.directory());
        train(b, restored, step, 0, latest.state());
        assertThat(restored.params()).isEqualTo(straight.params());
    }

    @Test
    void evaluationsEveryNStepsAreRecordedAndLossesArePerToken() {
        MultiLayerNetwork net = carried(TinyLstm.network(6, 5, new Adam(1e-2), SEED));
        train(tmp, net, stepFor(net), 0, TrainingState.start());
        List<Map<String, Object>> records = MetricsLog.read(tmp.resolve("metrics.jsonl"));
        List<Map<String, Object>> evals = records.stream().filter(r -> "eval".equals(r.get("type"))).toList();
        assertThat(evals).extracting(r -> r.get("step")).containsExactly(4.0, 8.0, 12.0, 16.0, 20.0, 24.0);
        assertThat(evals).allSatisfy(r -> assertThat((Double) r.get("val_loss")).isPositive());
        // per-token mean cross-entropy of 6 classes starts near ln 6, not 5 × ln 6
        Map<String, Object> first = records.get(0);
        assertThat((Double) first.get("loss")).isBetween(1.5, 2.0);
        // throughput counts tokens: 4 streams × 5 per step
        assertThat((Double) first.get("examples_per_s")).isPositive();
    }
}
