/** Optimisers that match the PyTorch references step for step (TorchAdam). */
package org.dl4jsuite.common.optim;
