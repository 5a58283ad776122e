package ru.rossgram.shared.imports.audience;

/**
 * How far one call of {@link HandleLists#store} got.
 *
 * @param nextIndex the index of the first handle not yet stored: the {@code startIndex} of the next call
 * @param finished  whether the list ended (nothing left to store)
 * @param linked    false when the account holds no Instagram name (never linked, or unlinked meanwhile): nothing
 *                  was kept, and the list must not be stored
 * @param matched   handles of this call's part that are linked to accounts here (each now a match both ways)
 */
public record ListProgress(long nextIndex, boolean finished, boolean linked, int matched) {
}
