package ru.rossgram.shared.launch;

import java.util.Map;
import ru.rossgram.shared.problem.ProblemException;

/**
 * One step of a resumable migration as an operator asks for it: {@code ?cursor=} (the previous step's
 * {@code nextCursor}; absent to start) and {@code ?limit=} (how many table items to read, default
 * {@value #DEFAULT_LIMIT}; the migration says how many it allows).
 */
public record MigrationStep(String cursor, int limit) {
    /** Small enough that a step with a write per item ends well within a function's 15 seconds. */
    public static final int DEFAULT_LIMIT = 200;

    /** @throws ProblemException 400 for a limit that is not a whole number */
    public static MigrationStep of(Map<String, String> queryParameters) {
        String cursor = queryParameters.get("cursor");
        String limit = queryParameters.get("limit");
        int parsed = DEFAULT_LIMIT;
        if (limit != null) {
            try {
                parsed = Integer.parseInt(limit.trim());
            } catch (NumberFormatException e) {
                throw ProblemException.invalid("limit", "a whole number");
            }
        }
        return new MigrationStep(cursor == null || cursor.isEmpty() ? null : cursor, parsed);
    }
}
