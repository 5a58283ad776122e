package ru.rossgram.localcloud.template;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An {@code AWS::Serverless::Function} with {@code Globals.Function} applied.
 *
 * @param logicalId the resource's logical id
 * @param codeUri the deployment artifact, relative to the template's directory
 * @param handler the handler class (and method, if given)
 * @param memorySize MB; the function's own, else Globals, else SAM's 128
 * @param timeout seconds; the function's own, else Globals, else SAM's 3
 * @param environment Globals' variables overlaid with the function's own, values raw: literals
 *     or intrinsics such as {@code {"Ref": "MainTable"}}; see {@link ru.rossgram.localcloud.LocalCloud#functionEnvironment}
 * @param httpRoutes routes from events of type HttpApi
 * @param s3Events subscriptions from events of type S3
 * @param schedules events of type Schedule
 */
public record FunctionSpec(
        String logicalId,
        String codeUri,
        String handler,
        int memorySize,
        int timeout,
        Map<String, Object> environment,
        List<HttpRoute> httpRoutes,
        List<S3EventSubscription> s3Events,
        List<ScheduleEvent> schedules) {

    private static final int SAM_DEFAULT_MEMORY_SIZE = 128;
    private static final int SAM_DEFAULT_TIMEOUT = 3;

    /**
     * Validates and copies the components.
     *
     * @param logicalId see {@link #logicalId()}
     * @param codeUri see {@link #codeUri()}
     * @param handler see {@link #handler()}
     * @param memorySize see {@link #memorySize()}
     * @param timeout see {@link #timeout()}
     * @param environment see {@link #environment()}
     * @param httpRoutes see {@link #httpRoutes()}
     * @param s3Events see {@link #s3Events()}
     * @param schedules see {@link #schedules()}
     */
    public FunctionSpec {
        Objects.requireNonNull(logicalId, "logicalId");
        // Values are already frozen by the reader; nulls are legal (an empty YAML value).
        environment = Collections.unmodifiableMap(new LinkedHashMap<>(environment));
        httpRoutes = List.copyOf(httpRoutes);
        s3Events = List.copyOf(s3Events);
        schedules = List.copyOf(schedules);
    }

    /** A function that no schedule invokes. */
    public FunctionSpec(String logicalId, String codeUri, String handler, int memorySize, int timeout,
                        Map<String, Object> environment, List<HttpRoute> httpRoutes, List<S3EventSubscription> s3Events) {
        this(logicalId, codeUri, handler, memorySize, timeout, environment, httpRoutes, s3Events, List.of());
    }

    static FunctionSpec read(String logicalId, TemplateNode properties, TemplateNode globals) {
        Map<String, Object> environment = new LinkedHashMap<>();
        globals.get("Environment").get("Variables").entries().forEach((name, value) -> environment.put(name, value.frozen()));
        properties.get("Environment").get("Variables").entries().forEach((name, value) -> environment.put(name, value.frozen()));

        List<HttpRoute> routes = new ArrayList<>();
        List<S3EventSubscription> s3Events = new ArrayList<>();
        List<ScheduleEvent> schedules = new ArrayList<>();
        properties.get("Events").entries().forEach((name, event) -> {
            String type = event.get("Type").requiredText();
            if (type.equals("HttpApi")) {
                routes.add(HttpRoute.read(event.get("Properties")));
            } else if (type.equals("S3")) {
                s3Events.add(S3EventSubscription.read(event.get("Properties")));
            } else if (type.equals("Schedule")) {
                schedules.add(ScheduleEvent.read(name, event.get("Properties")));
            }
        });
        return new FunctionSpec(
                logicalId,
                codeUri(properties.get("CodeUri"), globals.get("CodeUri")),
                properties.get("Handler").text(globals.get("Handler").text()),
                firstInteger(properties.get("MemorySize"), globals.get("MemorySize"), SAM_DEFAULT_MEMORY_SIZE),
                firstInteger(properties.get("Timeout"), globals.get("Timeout"), SAM_DEFAULT_TIMEOUT),
                environment,
                routes,
                s3Events,
                schedules);
    }

    /**
     * The class Yandex Cloud Functions runs for this function: beside the handler, named by the one convention
     * the deploy scripts, the gateway spec and the runner's Yandex mode share ({@code ...getme.GetMeHandler}
     * -> {@code ...getme.GetMeYandexFunction}). It implements {@code java.util.function.Function} over the
     * Yandex event types and delegates to the same handler.
     */
    public String yandexEntryPoint() {
        String handlerClass = handler.contains("::") ? handler.substring(0, handler.indexOf("::")) : handler;
        String base = handlerClass.endsWith("Handler")
                ? handlerClass.substring(0, handlerClass.length() - "Handler".length()) : handlerClass;
        return base + "YandexFunction";
    }

    private static String codeUri(TemplateNode own, TemplateNode global) {
        TemplateNode chosen = own.isMissing() ? global : own;
        // An S3 location ({Bucket, Key}) names nothing we can run locally.
        return chosen.raw() instanceof Map<?, ?> ? null : chosen.text();
    }

    private static int firstInteger(TemplateNode own, TemplateNode global, int fallback) {
        Integer value = own.integer();
        if (value == null) {
            value = global.integer();
        }
        return value == null ? fallback : value;
    }
}
