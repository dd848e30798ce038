package org.dl4jsuite.wordlm;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** A trained model's input embedding rows (the embedding layer's W, [V, embed]): distances and nearest words. */
public final class WordEmbeddings {
    private final WordDictionary dictionary;
    private final double[][] rows;

    /** The embedding rows of {@code network}, whose words are {@code dictionary}. */
    public WordEmbeddings(MultiLayerNetwork network, WordDictionary dictionary) {
        this.dictionary = dictionary;
        INDArray w = network.getLayer(WordLmModel.EMBEDDING_LAYER).getParam("W").castTo(DataType.DOUBLE);
        this.rows = w.toDoubleMatrix();
    }

    /** A scored word. */
    public record Neighbour(String word, double cosine) {
    }

    /** ‖e(a) − e(b)‖₂; unknown words are a SuiteException with suggestions. */
    public double distance(String a, String b) {
        double[] x = row(a);
        double[] y = row(b);
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
            sum += (x[i] - y[i]) * (x[i] - y[i]);
        }
        return Math.sqrt(sum);
    }

    /** e(a)·e(b) / (‖e(a)‖ ‖e(b)‖). */
    public double cosine(String a, String b) {
        return cosine(row(a), row(b));
    }

    /** The {@code k} words with the highest cosine similarity to {@code word}, the word itself excluded. */
    public List<Neighbour> neighbours(String word, int k) {
        int self = dictionary.id(word, "the query");
        double[] x = rows[self];
        List<Neighbour> all = new ArrayList<>(rows.length);
        for (int id = 0; id < rows.length; id++) {
            if (id != self) {
                all.add(new Neighbour(dictionary.word(id), cosine(x, rows[id])));
            }
        }
        return all.stream().sorted(Comparator.comparingDouble(Neighbour::cosine).reversed()).limit(k).toList();
    }

    private double[] row(String word) {
        return rows[dictionary.id(word, "the query")];
    }

    static double cosine(double[] x, double[] y) {
        double dot = 0;
        double nx = 0;
        double ny = 0;
        for (int i = 0; i < x.length; i++) {
            dot += x[i] * y[i];
            nx += x[i] * x[i];
            ny += y[i] * y[i];
        }
        return dot / Math.max(Math.sqrt(nx * ny), 1e-30);
    }
}
