package org.dl4jsuite.common.sequence;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.dl4jsuite.common.train.TrainingRun;

/**
 * The recurrent recipe shared by the language models: installs, in the order they depend on each
 * other, the per-token gradient with global-norm clipping (a listener, which must exist before the
 * step builds its solver), the carried-state LSTM layers (by the step) and, on resume, the state
 * carried out of the checkpoint's last window.
 */
public final class RecurrentTraining {
    private RecurrentTraining() {
    }

    /**
     * The stateful truncated-BPTT step for {@code net} in {@code run}: windows of {@code seqLength}
     * tokens, the per-token gradient clipped to a global norm of {@code clipNorm}, throughput counted in
     * {@code unit}s ("char", "word").
     */
    public static StatefulTbpttStep step(TrainingRun<?> run, MultiLayerNetwork net, double clipNorm, int seqLength,
                                         String unit) {
        net.addListeners(new GlobalNormClipping(clipNorm, seqLength));
        StatefulTbpttStep step = new StatefulTbpttStep(net, unit);
        run.resumeFrom().ifPresent(checkpoint -> step.restore(checkpoint.directory()));
        return step;
    }
}
