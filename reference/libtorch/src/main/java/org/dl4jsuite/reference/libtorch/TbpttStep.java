package org.dl4jsuite.reference.libtorch;

import static org.bytedeco.pytorch.global.torch.clip_grad_norm_;
import static org.bytedeco.pytorch.global.torch.cross_entropy;

import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.Adam;
import org.bytedeco.pytorch.AdamOptions;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorVector;

/**
 * The language-model references' step, as their Python loop body: the window's logits from the carried state (cut
 * from its graph), the mean cross-entropy, backward, the global gradient norm clipped, an Adam step, and the state
 * the window ended in carried to the next.
 */
final class TbpttStep {
    private final LstmLanguageModel model;
    private final TensorVector trained;
    private final Adam optimizer;
    private final double clip;
    private double seconds;

    TbpttStep(LstmLanguageModel model, double lr, double clip) {
        this.model = model;
        this.trained = model.trained();
        this.optimizer = new Adam(trained, new AdamOptions(lr));
        this.clip = clip;
    }

    /** The parameters the step updates. */
    TensorVector trained() {
        return trained;
    }

    /**
     * Trains on columns [start, start + length) of {@code rows} [batch, columns] with the next column's ids as targets,
     * from {@code state}, which then holds the state after the window; returns the loss.
     */
    double fit(Tensor rows, long start, long length, CarriedState state) {
        try (PointerScope scope = new PointerScope()) {
            long t0 = System.nanoTime();
            Tensor inputs = rows.narrow(1, start, length);
            Tensor targets = rows.narrow(1, start + 1, length).reshape(-1);
            LstmLanguageModel.Output out = model.forward(inputs, state.detached());
            Tensor loss = cross_entropy(out.logits(), targets);
            optimizer.zero_grad();
            loss.backward();
            clip_grad_norm_(trained, clip);
            optimizer.step();
            double value = loss.item_double();
            seconds = (System.nanoTime() - t0) / 1e9;
            state.set(out.state());
            return value;
        }
    }

    /** How long the last {@link #fit} took, up to reading its loss. */
    double seconds() {
        return seconds;
    }
}
