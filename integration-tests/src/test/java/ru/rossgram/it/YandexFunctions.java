package ru.rossgram.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.jsoniter.JsonIterator;
import com.jsoniter.output.JsonStream;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.context.env.PropertySource;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import ru.rossgram.localcloud.template.FunctionSpec;

/**
 * The template's functions through their Yandex Cloud Functions entry classes, hosted in this JVM as Yandex's Java
 * runtime hosts one: the class {@link FunctionSpec#yandexEntryPoint()} names, one warm instance per function, the
 * event read with jsoniter into the input type of the {@code Function<I, O>} the class itself declares, the result
 * written with jsoniter. Only the construction differs: through the constructor that takes the function's
 * environment as a property source (as {@code FunctionHost} does for the AWS handlers), so that many functions with
 * different environments share one JVM; the packaged jars' no-argument path is {@code LambdaEntryPointTest}'s.
 */
final class YandexFunctions implements AutoCloseable {
    private final Function<FunctionSpec, Map<String, String>> environments;
    private final Map<String, Function<Object, Object>> warm = new ConcurrentHashMap<>();

    /** @param environments each function's resolved environment variables */
    YandexFunctions(Function<FunctionSpec, Map<String, String>> environments) {
        this.environments = environments;
    }

    /** Every function of {@code backend}'s template, each with {@code overrides} on top of its environment. */
    static YandexFunctions on(Backend backend, Map<String, String> overrides) {
        return new YandexFunctions(function -> {
            Map<String, String> environment = new HashMap<>(backend.functionEnvironment(function));
            environment.putAll(overrides);
            return environment;
        });
    }

    /**
     * Invokes {@code function}'s Yandex entry class with {@code eventJson}, as the runtime does.
     *
     * @return the result as jsoniter writes it
     * @throws RuntimeException what the entry class throws (the platform then reports a function error, and a
     *     trigger delivers the batch again)
     */
    String invoke(FunctionSpec function, String eventJson) {
        Function<Object, Object> entry = warm.computeIfAbsent(function.logicalId(), id -> construct(function));
        Object input = JsonIterator.deserialize(eventJson.getBytes(StandardCharsets.UTF_8), types(entry.getClass()).get(0));
        return JsonStream.serialize(entry.apply(input));
    }

    @SuppressWarnings("unchecked")
    private Function<Object, Object> construct(FunctionSpec function) {
        Map<String, Object> environment = new HashMap<>(environments.apply(function));
        ApplicationContextBuilder context = ApplicationContext.builder()
                .environmentPropertySource(false) // the template's variables, not this JVM's
                .propertySources(PropertySource.of("yandex-environment", environment,
                        PropertySource.PropertyConvention.ENVIRONMENT_VARIABLE));
        try {
            return (Function<Object, Object>) entryClass(function).getConstructor(ApplicationContextBuilder.class)
                    .newInstance(context);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot construct " + function.yandexEntryPoint(), e);
        }
    }

    /** The function's Yandex entry class. */
    static Class<?> entryClass(FunctionSpec function) {
        try {
            return Class.forName(function.yandexEntryPoint());
        } catch (ClassNotFoundException e) {
            throw new AssertionError(function.logicalId() + " has no Yandex entry class " + function.yandexEntryPoint(), e);
        }
    }

    /**
     * The {@code I} and {@code O} of the {@code Function<I, O>} the class declares itself (the runtime reads them from
     * the class, not from its superclasses), asserted to be plain classes, as the runtime requires.
     */
    static List<Class<?>> types(Class<?> entryClass) {
        for (Type declared : entryClass.getGenericInterfaces()) {
            if (declared instanceof ParameterizedType type && type.getRawType() == Function.class) {
                Type[] io = type.getActualTypeArguments();
                assertTrue(io[0] instanceof Class<?> && io[1] instanceof Class<?>,
                        entryClass.getName() + " implements " + type + ": its type arguments must be concrete classes");
                return List.of((Class<?>) io[0], (Class<?>) io[1]);
            }
        }
        throw new AssertionError(entryClass.getName() + " does not itself declare implements Function<I, O>");
    }

    /** Closes each warm instance's handler (its application context): the one field of the class that can be closed. */
    @Override
    public void close() {
        warm.values().forEach(entry -> {
            for (Field field : entry.getClass().getDeclaredFields()) {
                if (!Modifier.isStatic(field.getModifiers()) && AutoCloseable.class.isAssignableFrom(field.getType())) {
                    try {
                        field.setAccessible(true);
                        ((AutoCloseable) field.get(entry)).close();
                    } catch (Exception ignored) {
                        // shutting down; nothing to save
                    }
                }
            }
        });
        warm.clear();
    }
}
