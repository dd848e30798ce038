package org.dl4jsuite.common.train;

import java.nio.file.Path;

/** Training state kept beside the model in every checkpoint (carried RNN state, a weight average), restored on resume. */
public interface CheckpointPart {
    /** Writes this part into a checkpoint folder that is being built. */
    void save(Path checkpointDirectory);

    /** Continues from what {@link #save} wrote into {@code checkpointDirectory}. */
    void restore(Path checkpointDirectory);
}
