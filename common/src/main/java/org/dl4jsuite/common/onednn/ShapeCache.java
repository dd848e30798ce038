package org.dl4jsuite.common.onednn;

import java.util.Iterator;
import java.util.LinkedList;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * A layer's primitives for the few shapes it meets (training windows, a last short batch, evaluation),
 * most recently used first; beyond {@code capacity} the least recently used set is closed.
 */
final class ShapeCache<P extends PrimitiveSet> {
    private final int capacity;
    private final LinkedList<P> sets = new LinkedList<>();

    ShapeCache(int capacity) {
        this.capacity = capacity;
    }

    /** The set that {@code fits}, or a new one from {@code create}; {@code evicted} is told of each set closed. */
    P get(Predicate<P> fits, Supplier<P> create, java.util.function.Consumer<P> evicted) {
        for (Iterator<P> it = sets.iterator(); it.hasNext(); ) {
            P p = it.next();
            if (fits.test(p)) {
                it.remove();
                sets.addFirst(p);
                return p;
            }
        }
        P created = create.get();
        sets.addFirst(created);
        while (sets.size() > capacity) {
            P old = sets.removeLast();
            evicted.accept(old);
            old.close();
        }
        return created;
    }
}
