package org.dl4jsuite.distributed;

import org.dl4jsuite.common.train.Trainer;
import org.dl4jsuite.common.train.TrainingPlan;

/** A training step run by an engine of replicas (Spark, ParallelWrapper), which is shut down after the run. */
public interface ReplicaStep extends Trainer.Step, TrainingPlan.Resource {
}
