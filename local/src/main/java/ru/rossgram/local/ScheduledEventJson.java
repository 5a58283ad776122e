package ru.rossgram.local;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import ru.rossgram.localcloud.template.FunctionSpec;
import ru.rossgram.localcloud.template.ScheduleEvent;

/**
 * What EventBridge hands a function on a {@code Schedule} event's firing: a Scheduled Event ({@code source}
 * {@code aws.events}, {@code detail-type} {@code Scheduled Event}, the firing {@code time} in whole seconds, the rule's
 * ARN in {@code resources}, an empty {@code detail}), or the event's {@code Input} as it is when it has one.
 */
final class ScheduledEventJson {
    static final String ACCOUNT = "000000000000";
    private static final ObjectMapper JSON = new ObjectMapper();

    private ScheduledEventJson() {
    }

    static String of(FunctionSpec function, ScheduleEvent schedule, Instant time, String region) {
        if (schedule.input() != null) {
            return schedule.input();
        }
        ObjectNode event = JSON.createObjectNode()
                .put("version", "0")
                .put("id", UUID.randomUUID().toString())
                .put("detail-type", "Scheduled Event")
                .put("source", "aws.events")
                .put("account", ACCOUNT)
                .put("time", time.truncatedTo(ChronoUnit.SECONDS).toString())
                .put("region", region);
        event.putArray("resources").add(ruleArn(function, schedule, region));
        event.putObject("detail");
        try {
            return JSON.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a scheduled event always serialises", e);
        }
    }

    /** The rule SAM would create for the event: named for the function and the event, as SAM names it. */
    static String ruleArn(FunctionSpec function, ScheduleEvent schedule, String region) {
        return "arn:aws:events:" + region + ":" + ACCOUNT + ":rule/" + function.logicalId() + schedule.name();
    }
}
