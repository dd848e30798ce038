package org.dl4jsuite.distributed;

import org.dl4jsuite.common.SuiteException;
import org.dl4jsuite.common.cli.TrainingOptions;

/** DL4J's training UI is not offered for distributed runs yet: one message for every distributed command. */
final class DistributedUi {
    private DistributedUi() {
    }

    /** Refuses {@code --ui} in {@code options}; the single-machine command that offers it is {@code instead}. */
    static void refuse(TrainingOptions options, String instead) {
        if (options.uiPort().isPresent()) {
            // The UI's listener sits on the driver's network, which never fits a batch itself here.
            throw new SuiteException("--ui is not available for distributed training yet (the workers train copies of "
                    + "the network, which report nothing to the driver's UI); train without --ui and read the run's "
                    + "loss.png and metrics.jsonl, or use " + instead + " --ui");
        }
    }
}
