package ru.rossgram.shared.imports.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LimitedIteratorTest {

    @Test
    void aListLongerThanTheLimit_isCutShort_andALimitExactlyReachedIsNot() {
        LimitedIterator<String> longer = new LimitedIterator<>(List.of("a", "b", "c").iterator(), 2);
        List<String> seen = new ArrayList<>();
        longer.forEachRemaining(seen::add);
        assertEquals(List.of("a", "b"), seen);
        assertTrue(longer.cutShort());

        LimitedIterator<String> exact = new LimitedIterator<>(List.of("a", "b").iterator(), 2);
        exact.forEachRemaining(h -> { });
        assertFalse(exact.cutShort(), "the list ended: the next step moves on");
    }
}
