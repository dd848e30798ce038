package org.dl4jsuite.common.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The options the language models' {@code train} commands share beyond their configuration, declared once. */
public final class LanguageModelOptions {
    @Option(names = "--skip-eval",
            description = "No held-out evaluation at epoch ends (speed and memory runs; see the module's README for "
                    + "what the report and model.zip then hold).")
    boolean skipEval;

    @Option(names = "--export-init", paramLabel = "DIR",
            description = "Write the starting weights as .npy files into DIR, for the PyTorch reference's "
                    + "--init-from DIR (it then starts from the same model).")
    Path exportInit;

    /** Whether --skip-eval was given. */
    public boolean skipEval() {
        return skipEval;
    }

    /** The --export-init folder, or null. */
    public Path exportInit() {
        return exportInit;
    }
}
