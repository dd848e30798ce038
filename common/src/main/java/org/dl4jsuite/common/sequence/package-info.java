/** Recurrent training: the truncated-BPTT step with carried state and the carried-state LSTM layer, the per-token mean, global-norm clipping, stream batches, sparse softmax output, sampling. */
package org.dl4jsuite.common.sequence;
