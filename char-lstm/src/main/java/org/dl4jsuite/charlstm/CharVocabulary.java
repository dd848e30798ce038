package org.dl4jsuite.charlstm;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.dl4jsuite.common.SuiteException;

/** The model's alphabet: the sorted distinct characters (Unicode code points) of the training text, id = position. */
public final class CharVocabulary {
    private final int[] codePoints;

    private CharVocabulary(int[] sortedDistinct) {
        this.codePoints = sortedDistinct;
    }

    /** The sorted distinct characters of {@code text}. */
    public static CharVocabulary of(String text) {
        return new CharVocabulary(text.codePoints().sorted().distinct().toArray());
    }

    /** A vocabulary as stored with a model: its characters in id order. */
    public static CharVocabulary fromStored(String characters) {
        int[] cps = characters.codePoints().toArray();
        int[] sorted = Arrays.stream(cps).sorted().distinct().toArray();
        if (cps.length == 0 || !Arrays.equals(cps, sorted)) {
            throw new SuiteException("the stored vocabulary is empty or not sorted; the model file is damaged");
        }
        return new CharVocabulary(cps);
    }

    /** The characters in id order, as stored with a model. */
    public String characters() {
        return new String(codePoints, 0, codePoints.length);
    }

    public int size() {
        return codePoints.length;
    }

    /** The id of each character of {@code text}; a SuiteException naming the characters the vocabulary lacks. */
    public int[] encode(String text, String what) {
        int[] cps = text.codePoints().toArray();
        int[] ids = new int[cps.length];
        Set<String> unknown = new LinkedHashSet<>();
        for (int i = 0; i < cps.length; i++) {
            ids[i] = Arrays.binarySearch(codePoints, cps[i]);
            if (ids[i] < 0) {
                unknown.add(describe(cps[i]));
            }
        }
        if (!unknown.isEmpty()) {
            throw new SuiteException(what + " has characters the model never saw: "
                    + String.join(", ", unknown) + "; use only characters of its training text");
        }
        return ids;
    }

    /** The text of {@code ids}. */
    public String decode(int... ids) {
        StringBuilder out = new StringBuilder();
        for (int id : ids) {
            out.appendCodePoint(codePoints[id]);
        }
        return out.toString();
    }

    private static String describe(int codePoint) {
        String shown = Character.isISOControl(codePoint) || Character.isWhitespace(codePoint)
                ? Character.getName(codePoint) : "'" + new String(Character.toChars(codePoint)) + "'";
        return shown + String.format(" (U+%04X)", codePoint);
    }

    @Override
    public String toString() {
        return Arrays.stream(codePoints).mapToObj(CharVocabulary::describe).collect(Collectors.joining(", "));
    }
}
