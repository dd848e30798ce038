/** The training core: a module's {@code Training}, the session that runs it, the loop, the feed-forward step and the listeners; run folders, atomic checkpoints and exact resume, the metrics log, model zips with typed metadata. */
package org.dl4jsuite.common.train;
