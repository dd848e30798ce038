/** Benchmarks against the PyTorch references: run comparison, FLOPs, sgemm peak, the attack loop, profiles. */
package org.dl4jsuite.bench;
