package ru.rossgram.shared.paging;

import java.util.Map;
import ru.rossgram.shared.problem.ProblemException;

/**
 * What a client asks of a list: {@code ?limit=} (1 to 50, default 20) and {@code ?cursor=} (from the
 * previous page's {@code nextCursor}, absent for the first page).
 */
public record PageRequest(int limit, String cursor) {
    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 50;

    /** @throws ProblemException 400 for a limit that is not a number from 1 to 50 */
    public static PageRequest of(Map<String, String> queryParameters) {
        String limit = queryParameters.get("limit");
        String cursor = queryParameters.get("cursor");
        int parsed = DEFAULT_LIMIT;
        if (limit != null) {
            try {
                parsed = Integer.parseInt(limit.trim());
            } catch (NumberFormatException e) {
                parsed = -1;
            }
            if (parsed < 1 || parsed > MAX_LIMIT) {
                throw ProblemException.invalid("limit", "a number from 1 to " + MAX_LIMIT);
            }
        }
        return new PageRequest(parsed, cursor == null || cursor.isEmpty() ? null : cursor);
    }
}
