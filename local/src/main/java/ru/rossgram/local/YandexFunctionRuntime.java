package ru.rossgram.local;

import com.jsoniter.JsonIterator;
import com.jsoniter.output.JsonStream;
import com.jsoniter.spi.TypeLiteral;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.ApplicationContextBuilder;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import ru.rossgram.localcloud.template.FunctionSpec;

/**
 * Hosts the template's functions as Yandex Cloud Functions' {@code java21} runtime runs them: the class
 * {@link FunctionSpec#yandexEntryPoint()} names (public, not generic, implementing
 * {@code java.util.function.Function<I, O>}), one warm instance per function, each event decoded into {@code I}
 * with jsoniter and the answer encoded from {@code O} with jsoniter, as the runtime maps them (not Jackson: its
 * annotations mean nothing here). An input of {@code String} or {@code byte[]} gets the event as it is.
 *
 * <p>The runtime calls the public no-argument constructor. Here a constructor taking a Micronaut
 * {@link ApplicationContextBuilder} is preferred when the class has one, and is handed the environment the template
 * gives the function, as {@link FunctionHost} hands it to the Lambda handlers, so that many functions with different
 * environments share this JVM.
 */
public final class YandexFunctionRuntime implements AutoCloseable {
    private final Function<FunctionSpec, Map<String, String>> environments;
    private final Map<String, Hosted> warm = new ConcurrentHashMap<>();

    /** @param environments each function's resolved environment variables */
    public YandexFunctionRuntime(Function<FunctionSpec, Map<String, String>> environments) {
        this.environments = environments;
    }

    /**
     * Calls {@code function}'s Yandex class with an event given as JSON.
     *
     * @return the class's answer as JSON, as jsoniter writes it
     * @throws RuntimeException whatever the class throws, or the event not decoding into its input type (the
     *                          platform reports either as a function error)
     */
    public String invoke(FunctionSpec function, String eventJson) {
        Hosted hosted = warm.computeIfAbsent(function.logicalId(), id -> host(function));
        return JsonStream.serialize(hosted.entry.apply(hosted.decode(eventJson)));
    }

    /** Builds the function's class now rather than on its first event (a cold start paid up front). */
    public void warmUp(FunctionSpec function) {
        warm.computeIfAbsent(function.logicalId(), id -> host(function));
    }

    @SuppressWarnings("unchecked")
    private Hosted host(FunctionSpec function) {
        String entryPoint = function.yandexEntryPoint();
        try {
            Class<?> type = Class.forName(entryPoint);
            if (!Function.class.isAssignableFrom(type) || !Modifier.isPublic(type.getModifiers())
                    || type.getTypeParameters().length > 0) {
                throw new IllegalStateException(entryPoint + " (" + function.logicalId()
                        + ") is no public, non-generic class implementing java.util.function.Function");
            }
            Object entry;
            List<ApplicationContext> contexts = new CopyOnWriteArrayList<>();
            try {
                Map<String, Object> environment = new HashMap<>(environments.apply(function));
                entry = type.getConstructor(ApplicationContextBuilder.class)
                        .newInstance(recording(FunctionHost.contextWith(environment), contexts));
            } catch (NoSuchMethodException platformOnly) {
                entry = type.getConstructor().newInstance();
            }
            return new Hosted((Function<Object, Object>) entry, TypeArguments.of(type, Function.class)[0], contexts);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot construct " + entryPoint + " for " + function.logicalId(), e);
        }
    }

    /**
     * {@code builder}, keeping each context it builds in {@code built}: a Yandex class need not be closeable (the
     * platform ends its process instead), so the runner closes the contexts its instances started.
     */
    private static ApplicationContextBuilder recording(ApplicationContextBuilder builder, List<ApplicationContext> built) {
        return (ApplicationContextBuilder) Proxy.newProxyInstance(ApplicationContextBuilder.class.getClassLoader(),
                new Class<?>[] {ApplicationContextBuilder.class}, (proxy, method, arguments) -> {
                    Object result;
                    try {
                        result = method.invoke(builder, arguments);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                    if (result == builder) {
                        return proxy; // a fluent setter: keep recording
                    }
                    if (result instanceof ApplicationContext context) {
                        built.add(context);
                    }
                    return result;
                });
    }

    @Override
    public void close() {
        warm.values().forEach(hosted -> {
            if (hosted.entry instanceof AutoCloseable closeable) {
                closeQuietly(closeable);
            }
            hosted.contexts.forEach(context -> closeQuietly(context));
        });
        warm.clear();
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // shutting down; nothing to save
        }
    }

    private record Hosted(Function<Object, Object> entry, Type input, List<ApplicationContext> contexts) {
        Object decode(String eventJson) {
            if (input == String.class) {
                return eventJson;
            }
            if (input == byte[].class) {
                return eventJson.getBytes(StandardCharsets.UTF_8);
            }
            return JsonIterator.deserialize(eventJson, TypeLiteral.create(input));
        }
    }
}
