package org.dl4jsuite.common.sequence;

import org.dl4jsuite.common.cli.OptionChecks;
import org.dl4jsuite.common.train.TrainConfig;
import picocli.CommandLine.Option;

/**
 * The options every recurrent language model shares, declared once: parallel streams walked in windows of
 * {@code seqLength} tokens, an embedding into {@code layers} stacked LSTMs of {@code hidden} units, Adam, the
 * global norm of the per-token gradient clipped. A module's config sets its defaults in its constructor.
 */
public abstract class RecurrentConfig extends TrainConfig {
    @Option(names = "--batch-size", description = "Parallel streams per step (each a contiguous part of the text).")
    protected int batchSize;

    @Option(names = "--seq-length", description = "Tokens per window (the truncated-BPTT length).")
    protected int seqLength;

    @Option(names = "--embedding", description = "Token embedding size.")
    protected int embedding;

    @Option(names = "--hidden", description = "LSTM units per layer.")
    protected int hidden;

    @Option(names = "--layers", description = "Stacked LSTM layers.")
    protected int layers;

    @Option(names = "--lr", description = "Adam learning rate.")
    protected double learningRate;

    @Option(names = "--clip", description = "Maximum global norm of the gradient of the per-token mean loss.")
    protected double clipNorm;

    /** A configuration of {@code epochs} epochs logging every {@code logEvery} steps; the subclass sets the rest. */
    protected RecurrentConfig(int epochs, int logEvery) {
        super(epochs, logEvery);
    }

    public int batchSize() {
        return batchSize;
    }

    public int seqLength() {
        return seqLength;
    }

    public int embedding() {
        return embedding;
    }

    public int hidden() {
        return hidden;
    }

    public int layers() {
        return layers;
    }

    public double learningRate() {
        return learningRate;
    }

    public double clipNorm() {
        return clipNorm;
    }

    @Override
    protected final void check() {
        OptionChecks.positive("--batch-size", batchSize);
        OptionChecks.positive("--seq-length", seqLength);
        OptionChecks.positive("--embedding", embedding);
        OptionChecks.positive("--hidden", hidden);
        OptionChecks.positive("--layers", layers);
        OptionChecks.positive("--lr", learningRate);
        OptionChecks.positive("--clip", clipNorm);
        checkModule();
    }

    /** Checks the module's own values. */
    protected abstract void checkModule();
}
