package org.dl4jsuite.charlstm;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.dl4jsuite.common.cli.DataDirOption;
import org.dl4jsuite.common.cli.ModelFileOption;
import org.dl4jsuite.common.runtime.ComputeBackend;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code evaluate}: the loss and bits per character of a saved model over the whole validation split. */
@Command(name = "evaluate", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = "Validation loss (nats/char) and bits/char of a saved char-lstm model on the last 10%% of its text.")
public final class EvaluateCommand implements Callable<Integer> {
    @Mixin
    ModelFileOption model = new ModelFileOption();

    @Option(names = "--text", paramLabel = "FILE",
            description = "The text to split and evaluate on. Default: the text the model was trained on.")
    Path text;

    @Mixin
    DataDirOption data = new DataDirOption();

    @Override
    public Integer call() {
        System.out.println(ComputeBackend.initialise(0).summary());
        CharLstmModelFiles.Loaded loaded = CharLstmModelFiles.load(model.path());
        CharTexts.Text source = CharTexts.read(text == null ? loaded.text() : text.toString(), data.dataDir());
        CharCorpus corpus = CharCorpus.of(source.content(), source.source(), loaded.vocabulary());
        long t0 = System.nanoTime();
        double nats = CharSamples.validationLoss(loaded.network(), corpus.validation(), loaded.seqLength());
        System.out.printf("validation loss %.4f nats/char, %.4f bits/char over %,d characters of %s (%.1f s)%n", nats,
                nats / Math.log(2), corpus.validation().length, source.source(), (System.nanoTime() - t0) / 1e9);
        return 0;
    }
}
