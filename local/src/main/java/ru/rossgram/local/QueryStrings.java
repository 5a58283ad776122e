package ru.rossgram.local;

import java.util.LinkedHashMap;
import java.util.Map;
import ru.rossgram.shared.problem.ProblemException;

/** Decodes a query string the way API Gateway fills {@code queryStringParameters}: repeats joined by commas. */
final class QueryStrings {
    private QueryStrings() {
    }

    /**
     * The decoded parameters in the order sent.
     *
     * @throws ProblemException {@code invalid-request} naming the parameter whose name or value is not valid
     *                          percent-encoded UTF-8 (see {@link PercentEncoding})
     */
    static Map<String, String> parse(String rawQuery) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return parameters;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = PercentEncoding.decodeQuery("query", eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : PercentEncoding.decodeQuery(name, pair.substring(eq + 1));
            parameters.merge(name, value, (a, b) -> a + "," + b);
        }
        return parameters;
    }
}
