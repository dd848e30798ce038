package org.dl4jsuite.distributed;

import org.deeplearning4j.datasets.iterator.utilty.ListDataSetIterator;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.parallelism.ParallelWrapper;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;

/**
 * One averaging round on this machine's cores with DL4J's {@link ParallelWrapper}: each replica (a thread with
 * its own copy of the network) trains one batch per iteration, and the replicas' parameters and updater state are
 * averaged into the network every {@code averagingFrequency} iterations, the last one ending the round.
 */
public final class ParallelWrapperStep implements ReplicaStep {
    private final ParallelWrapper wrapper;
    private final MultiLayerNetwork network;
    private final int batchSize;

    public ParallelWrapperStep(MultiLayerNetwork network, WorkerSettings settings, int batchSize) {
        this.network = network;
        this.batchSize = batchSize;
        this.wrapper = new ParallelWrapper.Builder<>(network)
                .workers(settings.workers())
                .averagingFrequency(settings.averagingFrequency())
                .averageUpdaters(true)
                .reportScoreAfterAveraging(true)
                .prefetchBuffer(0)
                .build();
    }

    @Override
    public double fit(DataSet round) {
        wrapper.fit(batches(round, batchSize));
        return network.score();
    }

    /**
     * The round's mini-batches one by one. ListDataSetIterator's second argument is how many list elements each
     * {@code next()} merges: given the batch size there, it handed ParallelWrapper the whole round as one batch.
     */
    static DataSetIterator batches(DataSet round, int batchSize) {
        return new ListDataSetIterator<>(round.batchBy(batchSize), 1);
    }

    @Override
    public void close() {
        wrapper.shutdown();
    }
}
