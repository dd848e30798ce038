/** Datasets: the resolver (local folders, cache, verified download), the idx reader, MNIST and Fashion-MNIST as labelled images. */
package org.dl4jsuite.common.data;
