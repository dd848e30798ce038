package org.dl4jsuite.common.sweep;

/** A finished point's final model measured on the test set: overall accuracy and each class's. */
public record PointResult(double accuracy, double[] perClass) {
}
