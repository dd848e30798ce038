package org.dl4jsuite.common.data;

import java.util.Arrays;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Labelled images as ND4J arrays, ready for a network: {@code features} [n, channels·rows·cols] (channel planes
 * in order, as DL4J's flat convolutional input reads them) scaled to [0,1], one-hot {@code labels} [n, classes],
 * the label indices and the class names.
 */
public record ImageClassData(INDArray features, INDArray labels, int[] labelIndex, List<String> classNames,
                             int channels, int rows, int cols) {

    /** Converts idx images (grayscale, unsigned bytes) to float features in [0,1] and one-hot labels. */
    public static ImageClassData of(LabelledImages images, List<String> classNames) {
        int[] labels = new int[images.count()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = images.label(i);
        }
        return of(images.pixels(), labels, classNames, 1, images.rows(), images.cols());
    }

    /** Images of {@code channels}×{@code rows}×{@code cols} unsigned bytes each, planes in order, and their labels. */
    public static ImageClassData of(byte[] raw, int[] labels, List<String> classNames, int channels, int rows,
                                    int cols) {
        int n = labels.length;
        int pixels = channels * rows * cols;
        float[] scaled = new float[n * pixels];
        for (int i = 0; i < scaled.length; i++) {
            scaled[i] = (raw[i] & 0xFF) / 255f;
        }
        float[] oneHot = new float[n * classNames.size()];
        for (int i = 0; i < n; i++) {
            oneHot[i * classNames.size() + labels[i]] = 1f;
        }
        return new ImageClassData(Nd4j.create(scaled, new long[] {n, pixels}, 'c'),
                Nd4j.create(oneHot, new long[] {n, classNames.size()}, 'c'), labels.clone(), List.copyOf(classNames),
                channels, rows, cols);
    }

    /** Number of examples. */
    public int size() {
        return labelIndex.length;
    }

    /** The first {@code n} examples (all of them when n exceeds the size). */
    public ImageClassData head(int n) {
        int m = Math.min(n, size());
        if (m == size()) {
            return this;
        }
        return new ImageClassData(features.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(0, m),
                org.nd4j.linalg.indexing.NDArrayIndex.all()).dup(),
                labels.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(0, m),
                        org.nd4j.linalg.indexing.NDArrayIndex.all()).dup(),
                Arrays.copyOf(labelIndex, m), classNames, channels, rows, cols);
    }

    /** Image {@code i} as a float array in [0,1], row-major. */
    public float[] image(int i) {
        return features.getRow(i).toFloatVector();
    }
}
