package org.dl4jsuite.common.workarounds;

import org.deeplearning4j.nn.api.Layer;

/**
 * Puts a subclass of a DL4J layer implementation in the place of a network's layer for training: the
 * replacement takes over the original's listeners, index, parameters and gradient views, so the network's
 * flattened parameters, its updater and its saved configuration stay exactly as they were.
 */
public final class LayerReplacement {
    private LayerReplacement() {
    }

    /** Gives {@code replacement} (built from {@code original}'s configuration) the original's state; returns it. */
    public static <L extends Layer> L takeOver(Layer original, L replacement) {
        replacement.setListeners(original.getListeners());
        replacement.setIndex(original.getIndex());
        replacement.setParamsViewArray(original.params());
        replacement.setParamTable(original.paramTable());
        if (original.getGradientsViewArray() != null) {
            replacement.setBackpropGradientsViewArray(original.getGradientsViewArray());
        }
        return replacement;
    }
}
