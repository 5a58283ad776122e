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
 * HTTP requests, and what tells them of stored objects. AWS: Lambda handlers, API Gateway payload 2.0, S3 event
 * notifications. Yandex: the Yandex Cloud Functions classes, API Gateway payload 1.0, Object Storage triggers.
 *
 * @param api     the gateway's integration
 * @param storage what each stored object is delivered to
 * @param warmUp  builds one function's instance ahead of its first call
 * @param runtime closes the hosted instances
 */
record CloudEntryPoints(FunctionIntegration api, StorageNotifications storage, Consumer<FunctionSpec> warmUp,
                        AutoCloseable runtime) {

    /** AWS's: {@link FunctionHost}, {@link LambdaProxyIntegration}, {@link StorageEvents}. */
    static CloudEntryPoints aws(SamTemplate template, LocalCloud cloud, Function<FunctionSpec, Map<String, String>> environments,
                                Consumer<String> log) {
        FunctionHost functions = new FunctionHost(environments);
        StorageEvents storage = new StorageEvents(template, cloud::physicalName, functions, RetryDelays.local(),
                cloud.region(), log);
        return new CloudEntryPoints(new LambdaProxyIntegration(functions), storage, functions::warmUp, functions);
    }

    /**
     * Yandex's: {@link YandexFunctionRuntime}, {@link YandexFunctionsIntegration} over {@code routes} with the
     * operation ids of the API contract at {@code contract}, {@link YandexStorageTriggers} with {@code triggers}.
     */
    static CloudEntryPoints yandex(SamTemplate template, LocalCloud cloud, Function<FunctionSpec, Map<String, String>> environments,
                                   HttpApiRoutes routes, Path contract, YandexTriggerSettings triggers, Consumer<String> log) {
        YandexFunctionRuntime functions = new YandexFunctionRuntime(environments);
        YandexStorageTriggers storage = new YandexStorageTriggers(template, cloud::physicalName, functions, triggers,
                triggers.localRetryInterval(), log);
        return new CloudEntryPoints(new YandexFunctionsIntegration(functions,
                new YandexGatewayRoutes(routes, OpenApiOperations.read(contract))), storage,
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
