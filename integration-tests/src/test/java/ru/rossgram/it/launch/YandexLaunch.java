package ru.rossgram.it.launch;

import com.jsoniter.JsonIterator;
import com.jsoniter.output.JsonStream;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * Runs in a child JVM whose classpath is a function's deployable jar, this class and jsoniter (which Yandex's Java
 * runtime brings): constructs the Yandex entry class the way the runtime does, with no arguments and the
 * configuration in process environment variables, reads the event file with jsoniter into the input type of the
 * {@code Function<I, O>} the class declares, applies it once, writes the result with jsoniter, and prints
 * {@code status=<code>} for an HTTP answer or {@code handled <result>} for a trigger's, then the process's peak
 * resident memory as {@code peakRssKb=<n>} (Linux). Only what the deployable jar holds is used.
 */
public final class YandexLaunch {
    private YandexLaunch() {
    }

    @SuppressWarnings("unchecked")
    public static void main(String[] args) throws Exception {
        Class<?> entryClass = Class.forName(args[0]);
        var entry = (Function<Object, Object>) entryClass.getConstructor().newInstance();
        Object event = JsonIterator.deserialize(Files.readAllBytes(Path.of(args[1])), inputType(entryClass));
        String result = JsonStream.serialize(entry.apply(event));
        System.out.println(result.startsWith("{") ? "status=" + JsonIterator.deserialize(result).get("statusCode")
                : "handled " + result);
        Path status = Path.of("/proc/self/status");
        if (Files.isReadable(status)) {
            Files.readAllLines(status).stream().filter(line -> line.startsWith("VmHWM:"))
                    .map(line -> line.replaceAll("\\D", "")).findFirst()
                    .ifPresent(kb -> System.out.println("peakRssKb=" + kb));
        }
    }

    private static Class<?> inputType(Class<?> entryClass) {
        for (Type declared : entryClass.getGenericInterfaces()) {
            if (declared instanceof ParameterizedType type && type.getRawType() == Function.class) {
                return (Class<?>) type.getActualTypeArguments()[0];
            }
        }
        throw new IllegalArgumentException(entryClass + " does not declare Function<I, O>");
    }
}
