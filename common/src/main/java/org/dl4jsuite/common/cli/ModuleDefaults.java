package org.dl4jsuite.common.cli;

import java.util.Map;

/**
 * Implemented by a command whose shared options (defined once in {@link TrainingOptions}) take
 * module-specific defaults, e.g. {@code --epochs} 10 for LeNet and 5 for the word LM; keys are
 * long option names.
 */
public interface ModuleDefaults {
    Map<String, String> optionDefaults();
}
