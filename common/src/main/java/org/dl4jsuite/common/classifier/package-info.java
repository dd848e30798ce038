/** Any DL4J classifier as class probabilities and the loss gradient with respect to its input (what attacks and input-space methods need). */
package org.dl4jsuite.common.classifier;
