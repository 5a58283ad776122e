package ru.rossgram.shared.activity;

import java.util.List;

/**
 * A page of the inbox.
 *
 * @param items       newest first
 * @param nextCursor  for the next (older) page; null on the last
 * @param unreadCount items newer than the read marker, at most {@link ActivityReader#UNREAD_CAP} (shown as "99+")
 */
public record ActivityPage(List<ActivityView> items, String nextCursor, int unreadCount) {
    public ActivityPage {
        items = List.copyOf(items);
    }
}
