package ru.rossgram.local;

import ru.rossgram.localcloud.YandexTriggerSettings;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import ru.rossgram.localcloud.LocalCloud;
import ru.rossgram.localcloud.template.FunctionSpec;
import ru.rossgram.localcloud.template.SamTemplate;

/**
 * How one cloud calls the template's functions: the runtime hosting them, the gateway integration that hands them
 * HTTP requests, what tells them of stored objects, and what fires their schedules. AWS: Lambda handlers, API Gateway
 * payload 2.0, S3 event notifications, EventBridge's Scheduled Events. Yandex: the Yandex Cloud Functions classes, API
 * Gateway payload 1.0, Object Storage triggers, timer triggers.
 *
 * @param api     the gateway's integration
 * @param storage what each stored object is delivered to
 * @param schedules how a schedule's firing reaches its function
 * @param warmUp  builds one function's instance ahead of its first call
 * @param runtime closes the hosted instances
 */
record CloudEntryPoints(FunctionIntegration api, StorageNotifications storage, ScheduleTarget schedules,
                        Consumer<FunctionSpec> warmUp, AutoCloseable runtime) {
    /** The id the local timer triggers carry: one per function and event, as each event is one trigger when deployed. */
    static String timerTriggerId(FunctionSpec function, ru.rossgram.localcloud.template.ScheduleEvent schedule) {
        return "local-timer-" + function.logicalId() + "-" + schedule.name();
    }


    /** AWS's: {@link FunctionHost}, {@link LambdaProxyIntegration}, {@link StorageEvents}, {@link ScheduledEventJson}. */
    static CloudEntryPoints aws(SamTemplate template, LocalCloud cloud, Function<FunctionSpec, Map<String, String>> environments,
                                Consumer<String> log) {
        FunctionHost functions = new FunctionHost(environments);
        StorageEvents storage = new StorageEvents(template, cloud::physicalName, functions, RetryDelays.local(),
                cloud.region(), log);
        ScheduleTarget schedules = (function, schedule, time) -> functions.invoke(function,
                ScheduledEventJson.of(function, schedule, time, cloud.region()));
        return new CloudEntryPoints(new LambdaProxyIntegration(functions), storage, schedules, functions::warmUp, functions);
    }

    /**
     * Yandex's: {@link YandexFunctionRuntime}, {@link YandexFunctionsIntegration} over {@code routes} with the
     * operation ids of the API contract at {@code contract}, {@link YandexStorageTriggers} with {@code triggers}, timer
     * messages ({@link YandexTriggerMessages#timer}).
     */
    static CloudEntryPoints yandex(SamTemplate template, LocalCloud cloud, Function<FunctionSpec, Map<String, String>> environments,
                                   HttpApiRoutes routes, Path contract, YandexTriggerSettings triggers, Consumer<String> log) {
        YandexFunctionRuntime functions = new YandexFunctionRuntime(environments);
        YandexStorageTriggers storage = new YandexStorageTriggers(template, cloud::physicalName, functions, triggers,
                triggers.localRetryInterval(), log);
        ScheduleTarget schedules = (function, schedule, time) -> functions.invoke(function,
                YandexTriggerMessages.timer(timerTriggerId(function, schedule), schedule.input(), time));
        return new CloudEntryPoints(new YandexFunctionsIntegration(functions,
                new YandexGatewayRoutes(routes, OpenApiOperations.read(contract))), storage, schedules,
                functions::warmUp, functions);
    }

    /** Stops the deliveries, then the instances. */
    void close() {
        storage.close();
        try {
            runtime.close();
        } catch (Exception ignored) {
            // shutting down; nothing to save
        }
    }
}
