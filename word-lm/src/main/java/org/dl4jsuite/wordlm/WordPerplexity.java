package org.dl4jsuite.wordlm;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.dl4jsuite.common.sequence.StreamBatches;
import org.dl4jsuite.common.sequence.StreamLoss;

/** Held-out perplexity as the reference measures it: the split in {@code batchSize} streams, windows of {@code seqLength}, state carried through the whole split. */
public final class WordPerplexity {
    private WordPerplexity() {
    }

    /** exp(mean −ln p(next word)) over the reference's windows of {@code ids}. */
    public static double of(MultiLayerNetwork network, int[] ids, int batchSize, int seqLength) {
        return Math.exp(StreamLoss.meanNats(network, new StreamBatches(ids, batchSize, seqLength)));
    }
}
