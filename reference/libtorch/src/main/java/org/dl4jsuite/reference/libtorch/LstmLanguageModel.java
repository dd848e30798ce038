package org.dl4jsuite.reference.libtorch;

import static org.bytedeco.pytorch.global.torch.cat;
import static org.bytedeco.pytorch.global.torch.zeros;

import java.nio.file.Files;
import java.nio.file.Path;
import org.bytedeco.pytorch.EmbeddingImpl;
import org.bytedeco.pytorch.LSTMImpl;
import org.bytedeco.pytorch.LSTMOptions;
import org.bytedeco.pytorch.LinearImpl;
import org.bytedeco.pytorch.Module;
import org.bytedeco.pytorch.NoGradGuard;
import org.bytedeco.pytorch.T_TensorT_TensorTensor_T_T;
import org.bytedeco.pytorch.T_TensorTensor_T;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorVector;

/**
 * Embedding → LSTM (batch first) → Linear, as the references' CharLstm and RNNLM: the logits of every position,
 * batch-major ([batch × time, vocabulary]), and the LSTM's last state.
 */
final class LstmLanguageModel extends Module {
    private final EmbeddingImpl embed;
    private final LSTMImpl lstm;
    private final LinearImpl linear;
    private final long hidden;
    private final long layers;

    LstmLanguageModel(long vocabulary, long embedding, long hidden, long layers) {
        this.hidden = hidden;
        this.layers = layers;
        embed = register_module("embed", new EmbeddingImpl(vocabulary, embedding));
        LSTMOptions options = new LSTMOptions(embedding, hidden);
        options.num_layers().put(layers);
        options.batch_first().put(true);
        lstm = register_module("lstm", new LSTMImpl(options));
        linear = register_module("linear", new LinearImpl(hidden, vocabulary));
    }

    /** Logits [batch × time, vocabulary] of {@code ids} [batch, time] from {@code state}, and the state after. */
    Output forward(Tensor ids, T_TensorTensor_T state) {
        T_TensorT_TensorTensor_T_T out = lstm.forward(embed.forward(ids), state);
        Tensor sequence = out.get0();
        return new Output(linear.forward(sequence.reshape(-1, hidden)), out.get1());
    }

    /** The zero state for {@code batch} rows. */
    T_TensorTensor_T zeroState(long batch) {
        return new T_TensorTensor_T(zeros(layers, batch, hidden), zeros(layers, batch, hidden));
    }

    /** The parameters the optimiser updates (all but the frozen hidden-to-hidden biases of a DL4J start). */
    TensorVector trained() {
        TensorVector all = parameters();
        TensorVector trained = new TensorVector();
        for (long i = 0; i < all.size(); i++) {
            if (all.get(i).requires_grad()) {
                trained.push_back(all.get(i));
            }
        }
        return trained;
    }

    /**
     * DL4J's starting weights from {@code directory} (`train --export-init DIR`: one .npy per DL4J parameter), as
     * reference/dl4j_weights.py loads them: DL4J's gate column blocks [g, f, o, i] of W [in, 4h], RW [h, 4h] and b
     * become PyTorch's row blocks [i, f, g, o]; bias_hh is zeroed and frozen, so the two models are the same.
     */
    void loadDl4jInit(Path directory) {
        try (NoGradGuard noGrad = new NoGradGuard()) {
            copy(embed.weight(), load(directory, "0_W"), "0_W");
            for (long layer = 0; layer < layers; layer++) {
                long k = layer + 1;
                copy(lstm.named_parameters().get("weight_ih_l" + layer), gates(load(directory, k + "_W")).t(), k + "_W");
                copy(lstm.named_parameters().get("weight_hh_l" + layer), gates(load(directory, k + "_RW")).t(), k + "_RW");
                copy(lstm.named_parameters().get("bias_ih_l" + layer), gates(load(directory, k + "_b")).reshape(-1), k + "_b");
                Tensor biasHh = lstm.named_parameters().get("bias_hh_l" + layer);
                biasHh.zero_();
                biasHh.set_requires_grad(false);
            }
            long out = layers + 1;
            copy(linear.weight(), load(directory, out + "_W").t(), out + "_W");
            copy(linear.bias(), load(directory, out + "_b").reshape(-1), out + "_b");
        }
    }

    private Tensor gates(Tensor dl4j) {
        long last = dl4j.dim() - 1;
        Tensor g = dl4j.narrow(last, 0, hidden);
        Tensor f = dl4j.narrow(last, hidden, hidden);
        Tensor o = dl4j.narrow(last, 2 * hidden, hidden);
        Tensor i = dl4j.narrow(last, 3 * hidden, hidden);
        return cat(new TensorVector(i, f, g, o), last);
    }

    private static Tensor load(Path directory, String key) {
        Path file = directory.resolve(key + ".npy");
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(file + " is missing; write the folder with `train --export-init DIR`");
        }
        NpyFloats array = NpyFloats.read(file);
        return Tensors.floats(array.values, array.shape);
    }

    private static void copy(Tensor target, Tensor value, String key) {
        if (!java.util.Arrays.equals(target.sizes().vec().get(), value.sizes().vec().get())) {
            throw new IllegalArgumentException(key + " has shape " + java.util.Arrays.toString(value.sizes().vec().get())
                    + ", this model needs " + java.util.Arrays.toString(target.sizes().vec().get())
                    + "; use the same sizes as the DL4J run");
        }
        target.copy_(value);
    }

    /** What {@link #forward} gives. */
    record Output(Tensor logits, T_TensorTensor_T state) {
    }
}
