/** The training machinery: the one training recipe and loop, run folders, atomic checkpoints and exact resume, the metrics log, model zips with typed metadata. */
package org.dl4jsuite.common.train;
