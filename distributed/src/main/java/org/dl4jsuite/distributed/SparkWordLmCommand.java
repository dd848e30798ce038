package org.dl4jsuite.distributed;

import java.util.List;
import java.util.concurrent.Callable;
import org.dl4jsuite.common.cli.OptionChecks;
import org.dl4jsuite.common.sequence.GlobalNormClipping;
import org.dl4jsuite.common.sequence.StreamBatches;
import org.dl4jsuite.common.sequence.TokenMean;
import org.dl4jsuite.common.sequence.WindowBlocks;
import org.dl4jsuite.common.train.Training;
import org.dl4jsuite.common.train.TrainingRun;
import org.dl4jsuite.common.train.TrainingSession;
import org.dl4jsuite.wordlm.ReferenceLogLine;
import org.dl4jsuite.wordlm.WordLmConfig;
import org.dl4jsuite.wordlm.WordLmTrainOptions;
import org.dl4jsuite.wordlm.WordLmTraining;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code spark-word-lm}: the word LM's training ({@link WordLmTraining}: every option, the same corpus, run folder,
 * checkpoints, held-out perplexity, best model and report) on Spark with parameter averaging. Each RDD element is a
 * block of {@code --averaging-windows} consecutive windows of the B streams; a worker fits it with DL4J's truncated
 * BPTT, carrying the LSTM state from window to window (the network's oneDNN LSTM configuration instantiates the
 * carried-state layer on the workers too) and starting each block from zeros, the stated deviation from the
 * notebook's one unbroken walk. One step is one round of a block per worker, averaged into the driver's network.
 */
@Command(name = "spark-word-lm", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = "Train the word-level LSTM LM on Apache Spark (dl4j-spark parameter averaging); writes "
                + "runs/word-lm-spark/<time>/, a word-lm run (sample, distance, neighbours read its model.zip).")
public final class SparkWordLmCommand implements Callable<Integer> {
    /** The module name of Spark word-LM runs' folders. */
    public static final String MODULE = "word-lm-spark";

    @Mixin
    WordLmTrainOptions train = new WordLmTrainOptions();

    @Mixin
    SparkOptions spark = new SparkOptions();

    @Option(names = "--averaging-windows", defaultValue = "10",
            description = "windows each worker trains, carrying its LSTM state from one to the next, between two "
                    + "averagings (one RDD element; the state starts from zeros at each)")
    int averagingWindows;

    @Override
    public Integer call() {
        DistributedUi.refuse(train.options(), "word-lm train");
        OptionChecks.positive("--averaging-windows", averagingWindows);
        // Checked before the run folder exists: an unreachable master leaves nothing behind.
        spark.check();
        return TrainingSession.train(MODULE, train.options(), train.config(), WordLmConfig.class, this::onSpark);
    }

    /** The word LM's training with its windows grouped in blocks, a round of one block per worker each step. */
    private Training<GroupedBatches> onSpark(TrainingRun<WordLmConfig> run) {
        WordLmConfig config = run.config();
        Training<StreamBatches> single = train.training(run);
        WorkerSettings settings = WorkerSettings.forRun(run.directory(),
                new WorkerSettings(spark.workers(), averagingWindows));
        // The blocks first: a layout they refuse stops the run before Spark starts.
        WindowBlocks blocks = new WindowBlocks(single.batches(), settings.averagingFrequency());
        System.out.printf("%d workers, averaging every %d windows of %d streams × %d words (one step = %d windows)%n",
                settings.workers(), settings.averagingFrequency(), config.batchSize(), config.seqLength(),
                settings.roundBatches());
        if (blocks.windowsLeftOut() > 0) {
            System.out.printf("blocks of %d windows: the last %d of each epoch's %d windows are not trained%n",
                    blocks.size(), blocks.windowsLeftOut(), single.batches().batchesPerEpoch());
        }
        TokenMean perToken = new TokenMean(config.seqLength());
        // Each worker fits one block (B streams) per averaging, its gradient scaled and clipped as the single step's.
        SparkAveragingStep engine = SparkAveragingStep.start(spark.master(), "dl4j-suite " + MODULE, single.network(),
                settings.workers(), 1, config.batchSize(),
                List.of(new WorkerClipping(perToken, new GlobalNormClipping(config.clipNorm()))));
        // The notebook's line counts windows; a step here is a round, which the run's own log line reports.
        return single.without(ReferenceLogLine.class)
                .withBatches(new GroupedBatches(blocks, settings.workers()))
                .withStep(new WindowBlockStep(engine, perToken, "word"));
    }
}
