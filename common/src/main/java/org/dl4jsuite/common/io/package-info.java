/** Files: atomic writes, the suite's JSON, NumPy .npy/.npz parameters. */
package org.dl4jsuite.common.io;
