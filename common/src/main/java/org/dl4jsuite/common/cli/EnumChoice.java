package org.dl4jsuite.common.cli;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import picocli.CommandLine.TypeConversionException;

/** How a closed choice (an enum constant) is spelled on the command line: lower case, '-' for '_'. */
public final class EnumChoice {
    private EnumChoice() {
    }

    /** The command-line spelling of {@code value}, e.g. {@code XAVIER_UNIFORM} → {@code xavier-uniform}. */
    public static String spelling(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The constant of {@code type} spelled {@code text} (any case, '-' or '_'); otherwise the choices. */
    public static <E extends Enum<E>> E parse(Class<E> type, String text) {
        for (E constant : type.getEnumConstants()) {
            if (spelling(constant).equalsIgnoreCase(text.trim().replace('_', '-'))) {
                return constant;
            }
        }
        throw new TypeConversionException("'" + text + "' is not one of: " + choices(type));
    }

    /** The spellings of {@code type}'s constants, comma-separated. */
    public static String choices(Class<? extends Enum<?>> type) {
        return Arrays.stream(type.getEnumConstants()).map(EnumChoice::spelling).collect(Collectors.joining(", "));
    }
}
