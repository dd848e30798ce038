/** What the suite's own DL4J layers (fast, hand-derived, fused output) are built on: configurations copied and wired as DL4J's, the weight and bias gradient, the loss cached from the training pass. */
package org.dl4jsuite.common.layerbase;
