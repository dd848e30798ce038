package org.dl4jsuite.wordlm;

import java.io.PrintStream;
import java.nio.file.Path;
import org.deeplearning4j.nn.api.Model;
import org.dl4jsuite.common.train.Trainer;
import org.nd4j.linalg.dataset.DataSet;

/**
 * Wraps a training step to print the reference notebook's line every {@code every} steps of an
 * epoch, counting from 0 after the first step as the notebook does ({@code step = (i+1)//seq}):
 * {@code Epoch [1/5], Step[0/1549], Loss: 9.2154, Perplexity: 10050.66}, the loss of that one step.
 */
public final class ReferenceLogLine implements Trainer.Step {
    private final Trainer.Step inner;
    private final int epochs;
    private final int stepsPerEpoch;
    private final int every;
    private final PrintStream console;
    private int epoch;
    private int index;

    public ReferenceLogLine(Trainer.Step inner, int epochs, int stepsPerEpoch, int every, PrintStream console) {
        this.inner = inner;
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
    public double fit(Model model, DataSet batch) {
        double loss = inner.fit(model, batch);
        if (index % every == 0) {
            console.println(line(epoch + 1, epochs, index, stepsPerEpoch, loss));
        }
        index++;
        return loss;
    }

    @Override
    public void startEpoch(Model model, int epoch, int skip) {
        this.epoch = epoch;
        this.index = skip;
        inner.startEpoch(model, epoch, skip);
    }

    @Override
    public long examples(DataSet batch) {
        return inner.examples(batch);
    }

    @Override
    public String unit() {
        return inner.unit();
    }

    @Override
    public void save(Path checkpointDirectory) {
        inner.save(checkpointDirectory);
    }
}
