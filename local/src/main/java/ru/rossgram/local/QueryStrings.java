package ru.rossgram.local;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ru.rossgram.shared.problem.ProblemException;

/**
 * Decodes a query string the way API Gateway fills its events: AWS's payload 2.0 {@code queryStringParameters} with
 * repeats joined by commas, and payload 1.0's {@code multiValueQueryStringParameters} with each value listed.
 */
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
        parseAll(rawQuery).forEach((name, values) -> parameters.put(name, String.join(",", values)));
        return parameters;
    }

    /**
     * The decoded parameters in the order sent, each with its values in the order sent.
     *
     * @throws ProblemException as {@link #parse} does
     */
    static Map<String, List<String>> parseAll(String rawQuery) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
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
            parameters.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
        return parameters;
    }
}
