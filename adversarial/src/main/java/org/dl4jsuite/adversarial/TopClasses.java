package org.dl4jsuite.adversarial;

import java.util.Comparator;
import java.util.stream.IntStream;

/** The indices of the largest probabilities, best first. */
public final class TopClasses {

    private TopClasses() {
    }

    /** The {@code k} most probable classes of one probability row (fewer when there are fewer classes). */
    public static int[] of(float[] probabilities, int k) {
        return IntStream.range(0, probabilities.length).boxed()
                .sorted(Comparator.comparingDouble((Integer c) -> -probabilities[c]).thenComparingInt(c -> c))
                .limit(k).mapToInt(Integer::intValue).toArray();
    }

    /** Whether {@code label} is among the first {@code k} of {@code ranked}. */
    public static boolean contains(int[] ranked, int k, int label) {
        for (int i = 0; i < Math.min(k, ranked.length); i++) {
            if (ranked[i] == label) {
                return true;
            }
        }
        return false;
    }
}
