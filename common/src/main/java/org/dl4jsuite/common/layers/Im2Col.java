package org.dl4jsuite.common.layers;

/**
 * im2col and its adjoint col2im on row-major arrays. Column matrix layout: row {@code (c·kh + i)·kw + j}, column
 * {@code (n·outH + oy)·outW + ox}; padded positions read as zero and receive nothing.
 */
public final class Im2Col {
    private Im2Col() {
    }

    /** Unfolds {@code images} [n, C, H, W] into the column matrix [C·kh·kw, n·outH·outW]. */
    public static double[] im2col(double[] images, int n, ConvGeometry g) {
        int oh = g.outHeight();
        int ow = g.outWidth();
        int columns = n * oh * ow;
        double[] cols = new double[g.patchSize() * columns];
        forEachTap(n, g, (row, col, inputIndex) -> cols[row * columns + col] = images[inputIndex]);
        return cols;
    }

    /** Folds a column matrix back onto [n, C, H, W], adding every tap that read a pixel: the adjoint of im2col. */
    public static double[] col2im(double[] cols, int n, ConvGeometry g) {
        int columns = n * g.outHeight() * g.outWidth();
        double[] images = new double[n * g.channels() * g.height() * g.width()];
        // dX[pixel] = Σ over taps reading that pixel of dCols[tap] (col2im: adjoint of the gather)
        forEachTap(n, g, (row, col, inputIndex) -> images[inputIndex] += cols[row * columns + col]);
        return images;
    }

    /** Receives one in-bounds tap: column-matrix row and column, and the flat input index it reads. */
    @FunctionalInterface
    private interface Tap {
        void accept(int row, int col, int inputIndex);
    }

    private static void forEachTap(int n, ConvGeometry g, Tap tap) {
        int oh = g.outHeight();
        int ow = g.outWidth();
        int kh = g.kernel()[0];
        int kw = g.kernel()[1];
        for (int c = 0; c < g.channels(); c++) {
            for (int i = 0; i < kh; i++) {
                for (int j = 0; j < kw; j++) {
                    int row = (c * kh + i) * kw + j;
                    for (int b = 0; b < n; b++) {
                        int channelBase = (b * g.channels() + c) * g.height();
                        for (int oy = 0; oy < oh; oy++) {
                            int y = g.inputRow(oy, i);
                            if (y < 0 || y >= g.height()) {
                                continue;
                            }
                            for (int ox = 0; ox < ow; ox++) {
                                int x = g.inputColumn(ox, j);
                                if (x >= 0 && x < g.width()) {
                                    tap.accept(row, (b * oh + oy) * ow + ox, (channelBase + y) * g.width() + x);
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
