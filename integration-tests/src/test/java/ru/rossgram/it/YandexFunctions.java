package ru.rossgram.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import ru.rossgram.local.YandexFunctionRuntime;
import ru.rossgram.localcloud.template.FunctionSpec;

/**
 * The template's functions through their Yandex Cloud Functions entry classes, hosted in this JVM by the local
 * runner's {@link YandexFunctionRuntime} (jsoniter in and out, one warm instance per function, each with its own
 * environment), and the checks of what Yandex's Java runtime requires of an entry class. The packaged jars'
 * no-argument path is {@code LambdaEntryPointTest}'s.
 */
final class YandexFunctions {
    private YandexFunctions() {
    }

    /** Every function of {@code backend}'s template, each with {@code overrides} on top of its environment. */
    static YandexFunctionRuntime on(Backend backend, Map<String, String> overrides) {
        return new YandexFunctionRuntime(backend.environments(overrides));
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
}
