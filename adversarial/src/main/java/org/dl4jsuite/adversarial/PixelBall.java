package org.dl4jsuite.adversarial;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/** Per-example norms, projections onto L∞/L2 balls around the originals, and the clip to [0,1]. */
final class PixelBall {
    private PixelBall() {
    }

    /** The batch as [n, d] rows (a view when possible). */
    static INDArray rows(INDArray batch) {
        return batch.reshape(batch.size(0), batch.length() / batch.size(0));
    }

    /** Clips to the valid pixel range [0,1] in place. */
    static INDArray clip(INDArray pixels) {
        return Transforms.min(Transforms.max(pixels, 0.0, false), 1.0, false);
    }

    /** {@code original + clamp(x − original, −eps, eps)}, then clipped to [0,1]. */
    static INDArray projectLinf(INDArray x, INDArray original, double eps) {
        INDArray delta = x.sub(original);
        delta = Transforms.min(Transforms.max(delta, -eps, false), eps, false);
        return clip(original.add(delta));
    }

    /** {@code original + δ·min(1, eps/‖δ‖₂)} per example, then clipped to [0,1] (which only shrinks |δ_i|). */
    static INDArray projectL2(INDArray x, INDArray original, double eps) {
        INDArray delta = rows(x.sub(original));
        INDArray norms = delta.norm2(1).reshape(delta.size(0), 1);
        INDArray scale = Transforms.min(norms.rdiv(eps).muli(1 - 1e-6), 1.0, false);
        delta.muliColumnVector(scale);
        return clip(original.add(delta.reshape(original.shape())));
    }

    /** Each example's gradient divided by its L2 norm (zero rows stay zero). */
    static INDArray unitL2(INDArray gradient) {
        INDArray g = rows(gradient).dup();
        INDArray norms = g.norm2(1).reshape(g.size(0), 1).addi(1e-12);
        g.diviColumnVector(norms);
        return g.reshape(gradient.shape());
    }

    /** One-hot rows for {@code classes}. */
    static INDArray oneHot(int[] classes, int count) {
        INDArray y = Nd4j.zeros(org.nd4j.linalg.api.buffer.DataType.FLOAT, classes.length, count);
        for (int i = 0; i < classes.length; i++) {
            y.putScalar(i, classes[i], 1.0);
        }
        return y;
    }
}
