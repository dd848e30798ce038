package org.dl4jsuite.distributed;

import org.dl4jsuite.common.train.Step;

/** A training step run by an engine of replicas (Spark, ParallelWrapper), which {@link #close} shuts down. */
public interface ReplicaStep extends Step {
    /** Shuts the engine down. */
    @Override
    void close();
}
