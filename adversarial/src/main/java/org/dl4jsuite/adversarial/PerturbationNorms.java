package org.dl4jsuite.adversarial;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Size of one perturbation δ = adversarial − original: L∞, L2 and L0 in [0,1] units and in 8-bit levels
 * (after rounding both images to 0..255, as a saved PNG would).
 */
public record PerturbationNorms(double linf, double l2, long l0, int linfLevels, double l2Levels, long l0Levels) {

    /** Norms of {@code adversarial − original} (same shape, one example). */
    public static PerturbationNorms of(INDArray original, INDArray adversarial) {
        float[] a = original.dup().data().asFloat();
        float[] b = adversarial.dup().data().asFloat();
        double linf = 0;
        double sq = 0;
        long l0 = 0;
        int linfLevels = 0;
        double sqLevels = 0;
        long l0Levels = 0;
        for (int i = 0; i < a.length; i++) {
            double d = (double) b[i] - a[i];
            linf = Math.max(linf, Math.abs(d));
            sq += d * d;
            if (Math.abs(d) > 1e-7) {
                l0++;
            }
            int dl = PixelPng.level(b[i]) - PixelPng.level(a[i]);
            linfLevels = Math.max(linfLevels, Math.abs(dl));
            sqLevels += (double) dl * dl;
            if (dl != 0) {
                l0Levels++;
            }
        }
        return new PerturbationNorms(linf, Math.sqrt(sq), l0, linfLevels, Math.sqrt(sqLevels), l0Levels);
    }
}
