package ru.rossgram.benchmarks;

import com.jsoniter.JsonIterator;
import com.jsoniter.any.Any;
import com.jsoniter.output.JsonStream;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * One cold start the way Yandex Cloud Functions' Java runtime does it, as far as its documentation says: construct
 * the entry class with its no-argument constructor, map the event JSON onto the input type of its
 * {@code java.util.function.Function} with jsoniter, call {@code apply} once, map the output back with jsoniter.
 * Prints the same {@code coldStartMillis=.. status=.. initMillis=.. invokeMillis=..} line as {@link ColdStartProbe},
 * so the harness and the report treat both entry points alike.
 *
 * <p>Run as {@code java -cp <function jar>:<yandex probe jar> ru.rossgram.benchmarks.YandexColdStartProbe <entry class>
 * <event.json> [<second event.json>]}; its jar holds only this class and jsoniter, which the platform brings too.
 */
public final class YandexColdStartProbe {
    private YandexColdStartProbe() {
    }

    public static void main(String[] args) throws Exception {
        long mainEntered = System.currentTimeMillis();
        if (args.length < 2 || args.length > 3) {
            System.err.println("usage: YandexColdStartProbe <entry class> <event.json> [<warm event.json>]");
            System.exit(2);
        }
        long t0 = System.nanoTime();
        Class<?> entryClass = Class.forName(args[0]);
        @SuppressWarnings("unchecked")
        Function<Object, Object> entry = (Function<Object, Object>) entryClass.getConstructor().newInstance();
        long t1 = System.nanoTime();
        Class<?> inputType = inputType(entryClass);
        Object event = JsonIterator.deserialize(Files.readAllBytes(Path.of(args[1])), inputType);
        long t2 = System.nanoTime();
        Object response = entry.apply(event);
        long t3 = System.nanoTime();
        byte[] payload = JsonStream.serialize(response).getBytes(StandardCharsets.UTF_8);
        long firstResponse = System.currentTimeMillis();

        ProbeLines.firstCall(mainEntered, t0, t1, t2, t3, firstResponse, status(payload), payload);

        if (args.length == 3) {
            Object second = JsonIterator.deserialize(Files.readAllBytes(Path.of(args[2])), inputType);
            long w0 = System.nanoTime();
            Object warm = entry.apply(second);
            long w1 = System.nanoTime();
            byte[] warmPayload = JsonStream.serialize(warm).getBytes(StandardCharsets.UTF_8);
            ProbeLines.warmCall(w0, w1, status(warmPayload), warmPayload);
        }
        ProbeLines.finish();
    }

    /** The concrete {@code I} of the {@code Function<I, O>} the class itself declares, as the runtime requires. */
    private static Class<?> inputType(Class<?> entryClass) {
        for (Type declared : entryClass.getGenericInterfaces()) {
            if (declared instanceof ParameterizedType type && type.getRawType() == Function.class
                    && type.getActualTypeArguments()[0] instanceof Class<?> input) {
                return input;
            }
        }
        throw new IllegalArgumentException(entryClass + " does not itself implement Function<I, O> with a concrete I");
    }

    private static String status(byte[] payload) {
        Any answer = JsonIterator.deserialize(payload);
        return answer.get("statusCode").toString();
    }
}
