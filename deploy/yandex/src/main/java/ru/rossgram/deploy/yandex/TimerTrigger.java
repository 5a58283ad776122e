package ru.rossgram.deploy.yandex;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import ru.rossgram.localcloud.template.CronExpression;
import ru.rossgram.localcloud.template.FunctionSpec;
import ru.rossgram.localcloud.template.ScheduleEvent;
import ru.rossgram.localcloud.template.ScheduleExpression;

/**
 * One Yandex timer trigger of a template's {@code Schedule} event: its name, and the
 * {@code yc serverless trigger create timer} flags that are not ids ({@code --cron-expression}, and {@code --payload}
 * for the event's {@code Input}); deploy.sh adds the function and the invoking service account.
 *
 * <p>Yandex's cron has EventBridge's six fields in EventBridge's order (minutes, hours, day of month, month, day of
 * week from Sunday as 1, year), the same specials ({@code ? L W #}) and UTC, so a {@code cron(...)} carries over as it
 * is. A {@code rate(...)} becomes the cron expression firing as often, from the top of the hour or day: EventBridge counts
 * a rate from the rule's creation, so the firings keep their spacing but may shift within it. A rate no cron expression
 * spaces evenly (every 7 minutes, every 5 hours, every 2 days) is refused: write it as {@code cron(...)}.
 *
 * @param functionLogicalId the function it invokes
 * @param name the trigger's name without the deployment's prefix
 * @param flags the yc flags
 */
record TimerTrigger(String functionLogicalId, String name, List<String> flags) {
    private static final int MINUTES_PER_HOUR = 60;
    private static final int MINUTES_PER_DAY = 24 * MINUTES_PER_HOUR;

    TimerTrigger {
        flags = List.copyOf(flags);
    }

    /** @throws IllegalStateException when the schedule has no Yandex cron expression */
    static TimerTrigger of(FunctionSpec function, ScheduleEvent schedule) {
        List<String> flags = new ArrayList<>(List.of("--cron-expression", yandexCron(schedule.schedule())));
        if (schedule.input() != null) {
            flags.add("--payload");
            flags.add(schedule.input());
        }
        String name = YandexNames.functionName(function.logicalId()) + "-"
                + schedule.name().replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        return new TimerTrigger(function.logicalId(), name, flags);
    }

    /**
     * The Yandex timer's cron expression for an EventBridge schedule.
     *
     * @throws IllegalStateException when a rate is spaced unevenly over hours or days, or a year is past Yandex's 2099
     */
    static String yandexCron(ScheduleExpression schedule) {
        if (schedule instanceof CronExpression cron) {
            String year = cron.fields().get(5);
            if (year.matches(".*\\b2[1-9][0-9]{2}\\b.*")) {
                throw new IllegalStateException(cron.text() + ": Yandex timers take years up to 2099");
            }
            return String.join(" ", cron.fields());
        }
        ScheduleExpression.Rate rate = (ScheduleExpression.Rate) schedule;
        long minutes = rate.period().toMinutes();
        if (minutes == 1) {
            return "* * * * ? *";
        }
        if (minutes < MINUTES_PER_HOUR && MINUTES_PER_HOUR % minutes == 0) {
            return "0/" + minutes + " * * * ? *";
        }
        if (minutes == MINUTES_PER_HOUR) {
            return "0 * * * ? *";
        }
        long hours = minutes / MINUTES_PER_HOUR;
        if (minutes % MINUTES_PER_HOUR == 0 && hours < 24 && 24 % hours == 0) {
            return "0 0/" + hours + " * * ? *";
        }
        if (minutes == MINUTES_PER_DAY) {
            return "0 0 * * ? *";
        }
        throw new IllegalStateException(rate.text() + " has no Yandex cron expression that fires as evenly (a step restarts"
                + " every hour or day): write the schedule as cron(...)");
    }
}
