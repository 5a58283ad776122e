package ru.rossgram.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * The runner's own controls beside the API, under {@value #PREFIX} (no template route starts so; none exists in the
 * cloud): {@code GET /_local/clock} (the functions' time), {@code POST /_local/clock} with
 * {@code {"advance":"P31D"}} (moves it forward: an ISO-8601 duration, or a period such as {@code P1M} counted on the
 * calendar from the functions' date), {@code GET /_local/schedules} (the template's schedules and their next firing),
 * and {@code POST /_local/schedules/<FunctionLogicalId>[/<EventName>]} (fires one now, answering the function's result
 * when it has run). Answered before routing, as {@link ApiDocs} is.
 */
public final class LocalControls {
    static final String PREFIX = "/_local/";
    private static final String CLOCK = PREFIX + "clock";
    private static final String SCHEDULES = PREFIX + "schedules";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Reads the request's body when a control needs it. */
    @FunctionalInterface
    interface Body {
        byte[] read() throws IOException;
    }

    private final RunnerClock clock;
    private final Schedules schedules;

    /** @param clock null when the runner runs on the system clock: the clock controls then answer 404 */
    LocalControls(RunnerClock clock, Schedules schedules) {
        this.clock = clock;
        this.schedules = schedules;
    }

    /** The answer when {@code rawPath} is one of the controls; empty for every other path, which goes to the gateway. */
    Optional<ApiGateway.Response> answer(String method, String rawPath, Body body) throws IOException {
        if (!rawPath.startsWith(PREFIX)) {
            return Optional.empty();
        }
        if (rawPath.equals(CLOCK)) {
            return Optional.of(clock(method, body));
        }
        if (rawPath.equals(SCHEDULES)) {
            return Optional.of(method.equals("GET") ? ok(planned()) : notAllowed("GET"));
        }
        if (rawPath.startsWith(SCHEDULES + "/")) {
            return Optional.of(method.equals("POST") ? fire(rawPath.substring(SCHEDULES.length() + 1)) : notAllowed("POST"));
        }
        return Optional.of(message(404, "no runner control at " + rawPath
                + "; there are /_local/clock and /_local/schedules/<FunctionLogicalId>"));
    }

    private ApiGateway.Response clock(String method, Body body) throws IOException {
        if (clock == null) {
            return message(404, "the runner runs on the system clock (--clock system): time cannot be moved");
        }
        if (method.equals("GET")) {
            return ok(time());
        }
        if (!method.equals("POST")) {
            return notAllowed("GET, POST");
        }
        byte[] sent = body.read();
        JsonNode request;
        try {
            request = JSON.readTree(sent);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return message(400, "the body is no JSON: " + e.getOriginalMessage());
        }
        JsonNode advance = request == null ? null : request.get("advance");
        if (advance == null || !advance.isTextual()) {
            return message(400, "the body is {\"advance\": \"<ISO-8601 duration, e.g. P31D or PT1H>\"}");
        }
        Duration by;
        try {
            by = duration(advance.asText());
        } catch (IllegalArgumentException e) {
            return message(400, e.getMessage());
        }
        try {
            clock.advance(by);
        } catch (IllegalArgumentException e) {
            return message(400, e.getMessage());
        }
        return ok(time());
    }

    /**
     * {@code text} as a duration: {@code PT1H}, {@code P31D}, or a calendar period ({@code P1M}, {@code P1Y2M}) counted
     * from the functions' date, so a month from 31 January ends on the last day of February.
     */
    private Duration duration(String text) {
        try {
            return Duration.parse(text);
        } catch (DateTimeParseException notDuration) {
            try {
                Period period = Period.parse(text);
                Instant now = clock.now();
                return Duration.between(now, now.atZone(ZoneOffset.UTC).plus(period).toInstant());
            } catch (DateTimeParseException notPeriod) {
                throw new IllegalArgumentException("advance takes an ISO-8601 duration such as P31D or PT1H, not " + text);
            }
        }
    }

    private ObjectNode time() {
        ObjectNode time = JSON.createObjectNode();
        time.put("now", clock.now().toString());
        time.put("offset", clock.offset().toString());
        return time;
    }

    private ArrayNode planned() {
        ArrayNode list = JSON.createArrayNode();
        for (Schedules.Planned planned : schedules.planned()) {
            ObjectNode item = list.addObject()
                    .put("function", planned.function())
                    .put("event", planned.event())
                    .put("schedule", planned.schedule())
                    .put("enabled", planned.enabled());
            if (planned.next() != null) {
                item.put("next", planned.next().toString());
            }
        }
        return list;
    }

    private ApiGateway.Response fire(String rest) {
        String[] names = rest.split("/", -1);
        if (names.length > 2 || names[0].isEmpty()) {
            return message(404, "fire a schedule with POST /_local/schedules/<FunctionLogicalId>[/<EventName>]");
        }
        String function = URLDecoder.decode(names[0], StandardCharsets.UTF_8);
        String event = names.length == 2 ? URLDecoder.decode(names[1], StandardCharsets.UTF_8) : null;
        Schedules.Fired fired;
        try {
            fired = schedules.fire(function, event);
        } catch (NoSuchElementException e) {
            return message(404, e.getMessage());
        } catch (RuntimeException | LinkageError e) {
            // As Lambda reports a function error to a synchronous caller.
            ObjectNode failure = JSON.createObjectNode().put("function", function);
            failure.putObject("error").put("errorType", e.getClass().getName()).put("errorMessage", e.getMessage());
            return json(502, failure);
        }
        ObjectNode answer = JSON.createObjectNode()
                .put("function", fired.function())
                .put("event", fired.event())
                .put("time", fired.time().toString());
        answer.set("result", result(fired.result()));
        return ok(answer);
    }

    private static JsonNode result(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            return JSON.getNodeFactory().textNode(json);
        }
    }

    private static ApiGateway.Response ok(JsonNode body) {
        return json(200, body);
    }

    private static ApiGateway.Response notAllowed(String allow) {
        ApiGateway.Response refused = message(405, "this control takes " + allow);
        return new ApiGateway.Response(405, Map.of("Content-Type", List.of("application/json"), "Allow", List.of(allow)),
                refused.body());
    }

    private static ApiGateway.Response message(int status, String message) {
        return json(status, JSON.createObjectNode().put("message", message));
    }

    private static ApiGateway.Response json(int status, JsonNode body) {
        try {
            return new ApiGateway.Response(status, Map.of("Content-Type", List.of("application/json")),
                    JSON.writeValueAsBytes(body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
