package org.dl4jsuite.common.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.deeplearning4j.nn.api.Model;
import org.dl4jsuite.common.SuiteException;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * An exponential moving average of the weights, as the PyTorch reference's {@code --ema}: it starts at the initial
 * weights and after every step becomes {@code decay·average + (1 − decay)·weights}. A listener whatever the step,
 * and a checkpoint part, so a resumed run continues the average exactly; evaluations and the final model use the
 * averaged copy.
 */
public final class AveragedWeights implements RunListener, CheckpointPart {
    private static final String FILE = "weight-average.bin";

    private final Model model;
    private final double decay;
    private INDArray average;

    /** Averages {@code model}'s weights with {@code decay} over its training steps. */
    public AveragedWeights(Model model, double decay) {
        if (!(decay > 0 && decay < 1)) {
            throw new IllegalArgumentException("the decay must be in (0, 1), got " + decay);
        }
        this.model = model;
        this.decay = decay;
        this.average = model.params().dup();
    }

    @Override
    public void onStep(StepDone step) {
        // in place, no temporary per step: average = decay·average + (1 − decay)·weights
        Nd4j.getBlasWrapper().level1().axpy(average.length(), 1 - decay, model.params(), average.muli(decay));
    }

    @Override
    public void save(Path checkpointDirectory) {
        try {
            Nd4j.saveBinary(average, checkpointDirectory.resolve(FILE).toFile());
        } catch (IOException e) {
            throw new SuiteException("could not write the weight average into " + checkpointDirectory + ": "
                    + e.getMessage(), e);
        }
    }

    /** Continues the average saved in {@code checkpointDirectory} (a checkpoint without one restarts it from the weights). */
    @Override
    public void restore(Path checkpointDirectory) {
        Path file = checkpointDirectory.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            average = model.params().dup();
            return;
        }
        try {
            INDArray saved = Nd4j.readBinary(file.toFile());
            if (saved.length() != average.length()) {
                throw new SuiteException(file + " averages " + saved.length() + " weights, the network has "
                        + average.length() + "; start a new run");
            }
            average = saved.reshape(average.shape()).castTo(average.dataType());
        } catch (IOException | RuntimeException e) {
            if (e instanceof SuiteException s) {
                throw s;
            }
            throw new SuiteException("cannot read the weight average " + file + ": " + e.getMessage() + "; start a new run", e);
        }
    }

    /** {@code evaluation} run with the averaged weights in the network, which then gets its own weights back. */
    public <T> T withAverage(Supplier<T> evaluation) {
        INDArray own = model.params().dup();
        model.params().assign(average);
        try {
            return evaluation.get();
        } finally {
            model.params().assign(own);
        }
    }

    /** Puts the averaged weights into the network for good (before saving the final model). */
    public void install() {
        model.params().assign(average);
    }
}
