/** Recurrent training: stateful truncated BPTT with carried state, stream batches, global-norm clipping, sparse softmax output, sampling. */
package org.dl4jsuite.common.sequence;
