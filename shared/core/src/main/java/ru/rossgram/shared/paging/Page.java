package ru.rossgram.shared.paging;

import java.util.List;

/**
 * One page of a list, newest or first items first.
 *
 * @param items      this page
 * @param nextCursor hand it back as {@code cursor} for the next page; null when there is none
 */
public record Page<T>(List<T> items, String nextCursor) {
    public Page {
        items = List.copyOf(items);
    }
}
