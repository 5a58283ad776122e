package ru.rossgram.local;

import java.time.Instant;
import ru.rossgram.localcloud.template.FunctionSpec;
import ru.rossgram.localcloud.template.ScheduleEvent;

/**
 * How one cloud invokes a function for one firing of its schedule: AWS's EventBridge with a Scheduled Event to the
 * Lambda handler ({@link ScheduledEventJson}), Yandex's timer trigger with a timer message to the Yandex class
 * ({@link YandexTriggerMessages#timer}).
 */
@FunctionalInterface
interface ScheduleTarget {
    /**
     * @return the function's result as JSON
     * @throws RuntimeException whatever the function throws
     */
    String fire(FunctionSpec function, ScheduleEvent schedule, Instant time);
}
