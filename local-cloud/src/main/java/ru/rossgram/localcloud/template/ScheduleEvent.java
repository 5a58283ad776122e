package ru.rossgram.localcloud.template;

import java.util.Locale;
import java.util.Objects;

/**
 * A {@code Schedule} event of a function: EventBridge invokes it on a schedule with a Scheduled Event (or with
 * {@code Input} instead, when given). {@code ScheduleV2} (EventBridge Scheduler: time zones, flexible windows, its own
 * payload) is not read.
 *
 * @param name     the event's key under the function's {@code Events}
 * @param schedule when it fires
 * @param enabled  false when {@code Enabled: false} or {@code State: DISABLED}: the rule exists but does not fire
 * @param input    the JSON text EventBridge sends instead of the Scheduled Event, or null
 */
public record ScheduleEvent(String name, ScheduleExpression schedule, boolean enabled, String input) {

    public ScheduleEvent {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(schedule, "schedule");
    }

    static ScheduleEvent read(String name, TemplateNode properties) {
        TemplateNode expression = properties.get("Schedule");
        ScheduleExpression schedule;
        try {
            schedule = ScheduleExpression.parse(expression.requiredText());
        } catch (IllegalArgumentException e) {
            throw new SamTemplateException(expression.where() + ": " + e.getMessage(), e);
        }
        boolean enabled = properties.get("Enabled").isMissing() || properties.get("Enabled").isTrue();
        String state = properties.get("State").text();
        if (state != null) {
            enabled = switch (state.toUpperCase(Locale.ROOT)) {
                case "ENABLED" -> true;
                case "DISABLED" -> false;
                default -> throw new SamTemplateException(properties.get("State").where() + " must be ENABLED or DISABLED");
            };
        }
        return new ScheduleEvent(name, schedule, enabled, properties.get("Input").text());
    }
}
