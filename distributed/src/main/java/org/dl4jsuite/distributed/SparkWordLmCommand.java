package org.dl4jsuite.distributed;

import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.dl4jsuite.common.cli.OptionChecks;
import org.dl4jsuite.common.sequence.GlobalNormClipping;
import org.dl4jsuite.common.sequence.StreamBatches;
import org.dl4jsuite.common.sequence.WindowBlocks;
import org.dl4jsuite.common.train.BatchSource;
import org.dl4jsuite.common.train.Trainer;
import org.dl4jsuite.common.train.TrainingRun;
import org.dl4jsuite.wordlm.ReferenceLogLine;
import org.dl4jsuite.wordlm.TrainCommand;
import org.dl4jsuite.wordlm.WordLmConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code spark-word-lm}: the word LM's {@code train} (every option, the same corpus, run folder, checkpoints,
 * held-out perplexity, best model and report) on Spark with parameter averaging. Each RDD element is a block of
 * {@code --averaging-windows} consecutive windows of the B streams; a worker fits it with DL4J's truncated BPTT,
 * carrying the LSTM state from window to window (the network's oneDNN LSTM configuration instantiates the
 * carried-state layer on the workers too) and starting each block from zeros, the stated deviation from the
 * notebook's one unbroken walk. One step is one round of a block per worker, averaged into the driver's network.
 */
@Command(name = "spark-word-lm", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = "Train the word-level LSTM LM on Apache Spark (dl4j-spark parameter averaging); writes "
                + "runs/word-lm-spark/<time>/, a word-lm run (sample, distance, neighbours read its model.zip).")
public final class SparkWordLmCommand extends TrainCommand {
    /** The module name of Spark word-LM runs' folders. */
    public static final String MODULE = "word-lm-spark";

    @Mixin
    SparkOptions spark = new SparkOptions();

    @Option(names = "--averaging-windows", defaultValue = "10",
            description = "windows each worker trains, carrying its LSTM state from one to the next, between two "
                    + "averagings (one RDD element; the state starts from zeros at each)")
    int averagingWindows;

    private WorkerSettings settings;

    public SparkWordLmCommand() {
        super(MODULE);
    }

    @Override
    protected WordLmConfig requested() {
        DistributedUi.refuse(options, "word-lm train");
        OptionChecks.positive("--averaging-windows", averagingWindows);
        // Checked before the run folder exists: an unreachable master leaves nothing behind.
        spark.check();
        return super.requested();
    }

    @Override
    protected BatchSource batches(StreamBatches windows, TrainingRun<WordLmConfig> run) {
        WordLmConfig config = run.config();
        settings = WorkerSettings.forRun(run.directory(), new WorkerSettings(spark.workers(), averagingWindows));
        WindowBlocks blocks = new WindowBlocks(windows, settings.averagingFrequency());
        System.out.printf("%d workers, averaging every %d windows of %d streams × %d words (one step = %d windows)%n",
                settings.workers(), settings.averagingFrequency(), config.batchSize(), config.seqLength(),
                settings.roundBatches());
        if (blocks.windowsLeftOut() > 0) {
            System.out.printf("blocks of %d windows: the last %d of each epoch's %d windows are not trained%n",
                    blocks.size(), blocks.windowsLeftOut(), windows.batchesPerEpoch());
        }
        return new GroupedBatches(blocks, settings.workers());
    }

    @Override
    protected Trainer.Step step(MultiLayerNetwork net, TrainingRun<WordLmConfig> run) {
        WordLmConfig config = run.config();
        // Each worker fits one block (B streams) per averaging; the clipping travels to the workers' networks.
        SparkAveragingStep engine = SparkAveragingStep.start(spark.master(), "dl4j-suite " + MODULE, net,
                settings.workers(), 1, config.batchSize(),
                List.of(new GlobalNormClipping(config.clipNorm(), config.seqLength())));
        return new WindowBlockStep(engine, config.seqLength(), "word");
    }

    @Override
    protected Trainer.StepHook afterEachStep(ReferenceLogLine notebookLine) {
        // The notebook's line counts windows; a step here is a round, which the loop's own log line reports.
        return (state, loss) -> { };
    }
}
