package org.dl4jsuite.adversarial;

import org.dl4jsuite.common.cli.SuiteCli;
import picocli.CommandLine.Command;

/** The adversarial command line: summary, classify, import, attack and receptive-field. */
@Command(name = "adversarial", mixinStandardHelpOptions = true, version = "adversarial 0.1.0",
        description = "ImageNet AlexNet and TFLite classifiers in DL4J, adversarial attacks on any DL4J classifier, receptive fields.",
        subcommands = {SummaryCommand.class, ClassifyCommand.class, ImportCommand.class, AttackCommand.class,
                ReceptiveFieldCommand.class})
public final class AdversarialCommand {
    /** The module name used for run folders. */
    public static final String MODULE = "adversarial";

    public static void main(String[] args) {
        SuiteCli.main(new AdversarialCommand(), args);
    }
}
