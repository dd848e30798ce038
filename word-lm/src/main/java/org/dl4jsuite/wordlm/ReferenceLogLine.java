package org.dl4jsuite.wordlm;

import java.io.PrintStream;
import org.dl4jsuite.common.train.RunListener;
import org.dl4jsuite.common.train.TrainingState;

/**
 * The reference notebook's log line, printed after every {@code every}-th step of an epoch, counting
 * from 0 at the first step as the notebook does ({@code step = (i+1)//seq}):
 * {@code Epoch [1/5], Step[0/1549], Loss: 9.2154, Perplexity: 10050.66}, the loss of that one step.
 */
public final class ReferenceLogLine implements RunListener {
    private final int epochs;
    private final int stepsPerEpoch;
    private final int every;
    private final PrintStream console;

    public ReferenceLogLine(int epochs, int stepsPerEpoch, int every, PrintStream console) {
        this.epochs = epochs;
        this.stepsPerEpoch = stepsPerEpoch;
        this.every = every;
        this.console = console;
    }

    /** The notebook's line for step {@code index} (0-based in the epoch) of epoch {@code epoch} (1-based). */
    public static String line(int epoch, int epochs, int index, int stepsPerEpoch, double loss) {
        return String.format("Epoch [%d/%d], Step[%d/%d], Loss: %.4f, Perplexity: %5.2f", epoch, epochs, index,
                stepsPerEpoch, loss, Math.exp(loss));
    }

    @Override
    public void onStep(StepDone step) {
        TrainingState state = step.state();
        int index = state.batchInEpoch() - 1;
        if (index % every == 0) {
            console.println(line(state.epoch() + 1, epochs, index, stepsPerEpoch, step.loss()));
        }
    }
}
