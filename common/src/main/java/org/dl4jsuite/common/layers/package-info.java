/** The teaching layers: the reference assignments' layers as real DL4J layers with hand-derived gradients, each checked against DL4J (LAYERS.md). */
package org.dl4jsuite.common.layers;
