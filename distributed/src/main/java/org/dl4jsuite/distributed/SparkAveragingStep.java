package org.dl4jsuite.distributed;

import java.util.List;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.deeplearning4j.nn.conf.BackpropType;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.deeplearning4j.spark.api.RDDTrainingApproach;
import org.deeplearning4j.spark.api.Repartition;
import org.deeplearning4j.spark.impl.multilayer.SparkDl4jMultiLayer;
import org.deeplearning4j.spark.impl.paramavg.ParameterAveragingTrainingMaster;
import org.dl4jsuite.common.SuiteException;
import org.nd4j.linalg.dataset.DataSet;

/**
 * One averaging round on Spark: the round's batches become an RDD split over the workers, each worker trains
 * its share with DL4J's {@code fit} from the driver's parameters and updater state, and
 * {@link ParameterAveragingTrainingMaster} averages both back into the driver's network, which the training loop
 * then checkpoints and evaluates like any other.
 */
public final class SparkAveragingStep implements ReplicaStep {
    private final JavaSparkContext context;
    private final SparkDl4jMultiLayer spark;
    private final MultiLayerNetwork network;
    private final int workers;
    private final int batchSize;

    private SparkAveragingStep(JavaSparkContext context, MultiLayerNetwork network, int workers,
                               int averagingFrequency, int batchSize, List<TrainingListener> workerListeners) {
        this.context = context;
        this.network = network;
        this.workers = workers;
        this.batchSize = batchSize;
        ParameterAveragingTrainingMaster master = new ParameterAveragingTrainingMaster.Builder(workers, batchSize)
                .batchSizePerWorker(batchSize)
                .averagingFrequency(averagingFrequency)
                .workerPrefetchNumBatches(0)
                .saveUpdater(true)
                // The round is already in the driver's memory: no export of its batches to temporary files.
                .rddTrainingApproach(RDDTrainingApproach.Direct)
                .storageLevel(null)
                .repartionData(Repartition.NumPartitionsWorkersDiffers)
                .build();
        this.spark = new SparkDl4jMultiLayer(context, network, master);
        if (!workerListeners.isEmpty()) {
            // Sent to the workers serialised; each worker's network gets a copy.
            spark.setListeners(workerListeners);
        }
    }

    /**
     * Starts Spark on {@code master} to train {@code network} (the driver's copy): {@code workers} replicas, each
     * fitting {@code averagingFrequency} mini-batches of {@code batchSize} examples between two averagings, with
     * {@code workerListeners} (serialisable; e.g. gradient clipping) on every replica's network.
     */
    public static SparkAveragingStep start(SparkMaster master, String appName, MultiLayerNetwork network, int workers,
                                           int averagingFrequency, int batchSize,
                                           List<TrainingListener> workerListeners) {
        quietSpark();
        SparkConf conf = new SparkConf().setMaster(master.url()).setAppName(appName)
                .set("spark.ui.showConsoleProgress", "false");
        if (master.isLocal()) {
            // Nothing leaves this machine: no web UI port, the driver on the loopback interface.
            conf.set("spark.ui.enabled", "false").set("spark.driver.bindAddress", "127.0.0.1")
                    .set("spark.driver.host", "127.0.0.1");
        }
        JavaSparkContext context;
        try {
            context = new JavaSparkContext(conf);
        } catch (RuntimeException e) {
            throw new SuiteException("Spark could not start on --master " + master.url() + ": " + e.getMessage()
                    + "; check the master URL and that this machine can reach it", e);
        }
        return new SparkAveragingStep(context, network, workers, averagingFrequency, batchSize, workerListeners);
    }

    /**
     * Spark's and Hadoop's warnings that say nothing about this run (the loopback host name, Hadoop's missing native
     * library, the size of a round's task) are kept off the console; their errors still show. Set before Spark's
     * loggers exist, which is when slf4j-simple reads a logger's level.
     */
    private static void quietSpark() {
        for (String logger : new String[] {"org.apache.spark", "org.apache.hadoop", "org.sparkproject"}) {
            String key = "org.slf4j.simpleLogger.log." + logger;
            if (System.getProperty(key) == null) {
                System.setProperty(key, "error");
            }
        }
    }

    @Override
    public double fit(DataSet round) {
        List<DataSet> batches = round.batchBy(batchSize);
        int partitions = Math.min(workers, batches.size());
        JavaRDD<DataSet> data = context.parallelize(batches, partitions);
        int epochs = network.getEpochCount();
        int iterations = network.getIterationCount();
        spark.fit(data);
        // SparkDl4jMultiLayer counts every fit call as an epoch; the training loop counts epochs itself.
        network.setEpochCount(epochs);
        // The training master adds the averaging frequency to the iteration count, one update per DataSet a worker
        // fits. A worker fits fewer in an epoch's last, shorter round, and under truncated BPTT each DataSet is one
        // update per window; Adam's bias correction reads the count that the next round sends to the workers.
        int batchesPerWorker = (batches.size() + partitions - 1) / partitions;
        network.setIterationCount(iterations + batchesPerWorker * updatesPerBatch(batches.get(0)));
        return spark.getScore();
    }

    /** The updates DL4J's {@code fit} makes on {@code batch}: one, or one per window of a truncated-BPTT sequence. */
    private int updatesPerBatch(DataSet batch) {
        MultiLayerConfiguration conf = network.getLayerWiseConfigurations();
        if (conf.getBackpropType() != BackpropType.TruncatedBPTT || batch.getFeatures().rank() != 3) {
            return 1;
        }
        long length = batch.getFeatures().size(2);
        return (int) ((length + conf.getTbpttFwdLength() - 1) / conf.getTbpttFwdLength());
    }

    @Override
    public void close() {
        context.close();
    }
}
