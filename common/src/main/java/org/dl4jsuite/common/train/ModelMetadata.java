package org.dl4jsuite.common.train;

import java.util.Map;

/**
 * What the suite stores beside a DL4J model inside its zip ({@code dl4j-suite.json}): which module
 * wrote it, what kind of model it is, and module-specific facts a loader needs (class names, the
 * vocabulary, the dataset).
 */
public record ModelMetadata(String module, String kind, String network, Map<String, Object> properties) {

    /** Network type names as stored. */
    public static final String MULTI_LAYER = "MultiLayerNetwork";
    public static final String GRAPH = "ComputationGraph";
}
