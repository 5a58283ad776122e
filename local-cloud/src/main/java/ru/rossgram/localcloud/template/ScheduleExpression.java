package ru.rossgram.localcloud.template;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An EventBridge schedule expression, as a {@code Schedule} event of a function gives it: {@code rate(5 minutes)}
 * or {@code cron(0 3 * * ? *)} (minutes, hours, day of month, month, day of week, year; UTC).
 */
public sealed interface ScheduleExpression permits ScheduleExpression.Rate, CronExpression {

    /**
     * @throws IllegalArgumentException when {@code text} is no rate or cron expression EventBridge would take
     */
    static ScheduleExpression parse(String text) {
        String trimmed = text == null ? "" : text.trim();
        if (trimmed.startsWith("rate(") && trimmed.endsWith(")")) {
            return Rate.parse(trimmed.substring(5, trimmed.length() - 1));
        }
        if (trimmed.startsWith("cron(") && trimmed.endsWith(")")) {
            return CronExpression.parse(trimmed.substring(5, trimmed.length() - 1));
        }
        throw new IllegalArgumentException("a schedule is rate(...) or cron(...), not " + text);
    }

    /**
     * The first firing strictly after {@code after}, for a schedule that last fired (or was created) at {@code last}:
     * a rate counts from {@code last}, a cron expression from the calendar.
     *
     * @return null when the schedule never fires again (a cron expression's years are over)
     */
    Instant nextAfter(Instant after, Instant last);

    /** The expression as written in the template, e.g. {@code rate(1 hour)}. */
    String text();

    /**
     * {@code rate(value unit)}: every {@code value} minutes, hours or days, counted from the rule's creation.
     *
     * @param value  a whole number from 1
     * @param period {@code value} units
     */
    record Rate(long value, String unit, Duration period) implements ScheduleExpression {
        private static final Pattern RATE = Pattern.compile("([0-9]+) +(minute|minutes|hour|hours|day|days)");

        static Rate parse(String body) {
            Matcher matcher = RATE.matcher(body.trim());
            if (!matcher.matches()) {
                throw new IllegalArgumentException("rate(" + body + ") is not rate(<number> minutes|hours|days)");
            }
            long value;
            try {
                value = Long.parseLong(matcher.group(1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("rate(" + body + ") has too large a number", e);
            }
            String unit = matcher.group(2);
            if (value < 1) {
                throw new IllegalArgumentException("rate(" + body + ") must be at least 1");
            }
            // EventBridge refuses "rate(1 minutes)" and "rate(5 minute)".
            if ((value == 1) == unit.endsWith("s")) {
                throw new IllegalArgumentException("rate(" + body + "): write the unit " + (value == 1 ? "singular" : "plural"));
            }
            Duration each = switch (unit.replaceAll("s$", "")) {
                case "minute" -> Duration.ofMinutes(1);
                case "hour" -> Duration.ofHours(1);
                default -> Duration.ofDays(1);
            };
            return new Rate(value, unit.replaceAll("s$", "").toLowerCase(Locale.ROOT), each.multipliedBy(value));
        }

        @Override
        public Instant nextAfter(Instant after, Instant last) {
            Instant next = last.plus(period);
            if (next.isAfter(after)) {
                return next;
            }
            // Firings missed while nothing ran (or while time was moved ahead) are not made up, as EventBridge would not.
            long skipped = Duration.between(last, after).dividedBy(period);
            return last.plus(period.multipliedBy(skipped + 1));
        }

        @Override
        public String text() {
            return "rate(" + value + " " + unit + (value == 1 ? "" : "s") + ")";
        }
    }
}
