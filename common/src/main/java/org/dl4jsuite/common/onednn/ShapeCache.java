package org.dl4jsuite.common.onednn;

import java.util.Iterator;
import java.util.LinkedList;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * A layer's primitives for the few shapes it meets (training windows, a last short batch, evaluation),
 * most recently used first; beyond {@code capacity} the least recently used set is closed. It also remembers
 * the set whose training forward pass awaits its backward pass ({@link #pending()}).
 */
final class ShapeCache<P extends PrimitiveSet> {
    private final int capacity;
    private final LinkedList<P> sets = new LinkedList<>();
    private P pending;

    ShapeCache(int capacity) {
        this.capacity = capacity;
    }

    /** The set that {@code fits}, or a new one from {@code create}. */
    P get(Predicate<P> fits, Supplier<P> create) {
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
            if (old == pending) {
                pending = null;
            }
            old.close();
        }
        return created;
    }

    /** Records that {@code p} ran a forward pass: in training its backward pass is now pending, else none is. */
    void forwarded(P p, boolean training) {
        pending = training ? p : null;
    }

    /** The set whose training forward pass ran last, for the backward pass; null when there is none. */
    P pending() {
        return pending;
    }

    /** Forgets the pending backward pass (the layer's last forward pass was DL4J's own). */
    void clearPending() {
        pending = null;
    }
}
