package ru.rossgram.local;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.context.ApplicationContextProvider;
import io.micronaut.context.env.PropertySource;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import ru.rossgram.localcloud.template.FunctionSpec;

/**
 * Hosts the template's functions in this JVM as Lambda would: one warm instance per function, built with
 * the environment the template gives it, fed JSON through the Lambda runtime's own event serializers.
 * Handlers built on Micronaut get that environment as a property source instead of process variables,
 * so many functions with different environments share one JVM.
 */
public final class FunctionHost implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Function<FunctionSpec, Map<String, String>> environments;
    private final Map<String, Hosted> warm = new ConcurrentHashMap<>();

    /** @param environments each function's resolved environment variables */
    public FunctionHost(Function<FunctionSpec, Map<String, String>> environments) {
        this.environments = environments;
    }

    /**
     * Invokes {@code function} with an event given as JSON, as the Lambda runtime does.
     *
     * @return the handler's result as JSON
     * @throws RuntimeException whatever the handler throws (Lambda reports it as a function error)
     */
    public String invoke(FunctionSpec function, String eventJson) {
        Hosted hosted = warm.computeIfAbsent(function.logicalId(), id -> host(function));
        Object input = hosted.input.fromJson(new ByteArrayInputStream(eventJson.getBytes(StandardCharsets.UTF_8)));
        Object output = hosted.handler.handleRequest(input, LambdaContext.of(function.logicalId(), function.memorySize()));
        ByteArrayOutputStream json = new ByteArrayOutputStream();
        hosted.output.toJson(output, json);
        return json.toString(StandardCharsets.UTF_8);
    }

    /** Builds the function's handler now rather than on its first event (a cold start paid up front). */
    public void warmUp(FunctionSpec function) {
        warm.computeIfAbsent(function.logicalId(), id -> host(function));
    }

    /**
     * The {@code type} bean of {@code function}'s warm instance (started if it was not), for tests that look at
     * what the function did inside, such as how many passwords it checked.
     *
     * @throws IllegalArgumentException when the function's handler has no application context (not Micronaut)
     */
    public <T> T bean(FunctionSpec function, Class<T> type) {
        Hosted hosted = warm.computeIfAbsent(function.logicalId(), id -> host(function));
        if (!(hosted.handler instanceof ApplicationContextProvider provider)) {
            throw new IllegalArgumentException(function.logicalId() + " has no application context to take beans from");
        }
        return provider.getApplicationContext().getBean(type);
    }

    /**
     * {@code function}'s warm handler instance (started if it was not), for tests that call it past its events,
     * such as running SnapStart's hooks by hand.
     */
    public Object handler(FunctionSpec function) {
        return warm.computeIfAbsent(function.logicalId(), id -> host(function)).handler;
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private Hosted host(FunctionSpec function) {
        Map<String, Object> environment = new HashMap<>(environments.apply(function));
        try {
            Class<?> type = Class.forName(function.handler());
            RequestHandler handler;
            try {
                handler = (RequestHandler) type.getConstructor(ApplicationContextBuilder.class)
                        .newInstance(contextWith(environment));
            } catch (NoSuchMethodException plainHandler) {
                handler = (RequestHandler) type.getConstructor().newInstance();
            }
            Type[] io = requestHandlerTypes(type);
            return new Hosted(handler, serializer(io[0]), serializer(io[1]));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot construct " + function.handler() + " for " + function.logicalId(), e);
        }
    }

    /**
     * A Micronaut context builder that reads {@code environment} as the process environment, and not this JVM's:
     * what the runner hands a function's constructor so that functions with different environments share a JVM.
     */
    static ApplicationContextBuilder contextWith(Map<String, Object> environment) {
        return ApplicationContext.builder()
                .environmentPropertySource(false) // the template's variables, not this JVM's
                .propertySources(PropertySource.of("lambda-environment", environment,
                        PropertySource.PropertyConvention.ENVIRONMENT_VARIABLE));
    }

    /** The I and O of {@code RequestHandler<I, O>}, followed through generic superclasses. */
    static Type[] requestHandlerTypes(Class<?> type) {
        return TypeArguments.of(type, RequestHandler.class);
    }

    @SuppressWarnings("unchecked")
    private static PojoSerializer<Object> serializer(Type type) {
        Class<?> raw = type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
        if (LambdaEventSerializers.isLambdaSupportedEvent(raw.getName())) {
            return (PojoSerializer<Object>) LambdaEventSerializers.serializerFor(raw, FunctionHost.class.getClassLoader());
        }
        return new PojoSerializer<>() {
            @Override public Object fromJson(java.io.InputStream input) {
                try { return JSON.readValue(input, raw); } catch (java.io.IOException e) { throw new IllegalArgumentException(e); }
            }
            @Override public Object fromJson(String input) {
                try { return JSON.readValue(input, raw); } catch (java.io.IOException e) { throw new IllegalArgumentException(e); }
            }
            @Override public void toJson(Object value, java.io.OutputStream output) {
                try { JSON.writeValue(output, value); } catch (java.io.IOException e) { throw new IllegalStateException(e); }
            }
        };
    }

    @Override
    public void close() {
        warm.values().forEach(hosted -> {
            if (hosted.handler instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception ignored) {
                    // shutting down; nothing to save
                }
            }
        });
        warm.clear();
    }

    @SuppressWarnings("rawtypes")
    private record Hosted(RequestHandler handler, PojoSerializer<Object> input, PojoSerializer<Object> output) {
    }
}
