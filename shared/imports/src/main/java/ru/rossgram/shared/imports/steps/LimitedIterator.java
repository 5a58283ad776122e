package ru.rossgram.shared.imports.steps;

import java.util.Iterator;
import java.util.NoSuchElementException;

/** The first {@code limit} items of an iterator, telling whether it stopped at the limit with items left. */
final class LimitedIterator<T> implements Iterator<T> {
    private final Iterator<T> items;
    private long left;

    LimitedIterator(Iterator<T> items, long limit) {
        this.items = items;
        this.left = limit;
    }

    @Override
    public boolean hasNext() {
        return left > 0 && items.hasNext();
    }

    @Override
    public T next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        left--;
        return items.next();
    }

    /** Whether the limit, not the items' end, stopped it (reads ahead one item to know). */
    boolean cutShort() {
        return left == 0 && items.hasNext();
    }
}
