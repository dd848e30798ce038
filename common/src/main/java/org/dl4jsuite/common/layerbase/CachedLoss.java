package org.dl4jsuite.common.layerbase;

import java.util.OptionalDouble;
import java.util.function.DoubleSupplier;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * What a fused output layer keeps between its backward pass and the {@code computeScore} that DL4J calls after
 * it: the loss summed over the batch, for the input and labels it belongs to, and the reused logits buffer.
 */
public final class CachedLoss {
    private INDArray input;
    private INDArray labels;
    private double sum;
    private INDArray logits;

    /** Records {@code sum}, the loss of {@code input} against {@code labels}. */
    public void record(INDArray input, INDArray labels, double sum) {
        this.input = input;
        this.labels = labels;
        this.sum = sum;
    }

    /** Forgets the recorded loss (the last backward pass was DL4J's own). */
    public void clear() {
        input = null;
        labels = null;
    }

    /** The loss recorded for exactly these arrays, once; empty when there is none (then DL4J computes it). */
    private OptionalDouble take(INDArray input, INDArray labels) {
        if (this.input == null || this.input != input || this.labels != labels) {
            return OptionalDouble.empty();
        }
        clear();
        return OptionalDouble.of(sum);
    }

    /**
     * What a fused layer's {@code computeScore} returns: the loss recorded for exactly these arrays (divided by
     * {@code miniBatch} when positive, plus {@code regularization}), once; else DL4J's own computation, {@code dl4j}.
     */
    public double score(INDArray input, INDArray labels, int miniBatch, double regularization, DoubleSupplier dl4j) {
        OptionalDouble loss = take(input, labels);
        if (loss.isEmpty()) {
            return dl4j.getAsDouble();
        }
        return (miniBatch > 0 ? loss.getAsDouble() / miniBatch : loss.getAsDouble()) + regularization;
    }

    /** A reused [rows, classes] buffer outside DL4J's workspaces (reallocated when the shape or type changes). */
    public INDArray logits(long rows, long classes, DataType type) {
        if (logits == null || logits.size(0) != rows || logits.size(1) != classes || logits.dataType() != type) {
            try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
                logits = Nd4j.createUninitialized(type, rows, classes);
            }
        }
        return logits;
    }
}
