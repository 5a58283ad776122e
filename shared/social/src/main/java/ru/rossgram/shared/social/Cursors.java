package ru.rossgram.shared.social;

import java.util.Map;
import ru.rossgram.shared.paging.CursorCodec;
import ru.rossgram.shared.problem.ProblemException;
import ru.rossgram.shared.problem.ProblemType;

/** The one position a graph list's cursor holds: the sort key the next page starts after. */
final class Cursors {
    static final String AFTER = "after";

    private Cursors() {
    }

    /** @throws ProblemException 400 {@code invalid-cursor} for a cursor not issued for {@code purpose} */
    static String after(CursorCodec codec, String purpose, String cursor) {
        Map<String, String> position = codec.decode(purpose, cursor);
        String after = position.get(AFTER);
        if (after == null || after.isEmpty()) {
            throw new ProblemException(ProblemType.INVALID_CURSOR, "The cursor is not one this server issued; start from the first page.");
        }
        return after;
    }
}
