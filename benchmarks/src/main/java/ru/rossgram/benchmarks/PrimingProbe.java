package ru.rossgram.benchmarks;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import ru.rossgram.shared.snapshot.SnapshotHooks;

/**
 * What SnapStart's priming saves a restored container's first request, measured on a JVM that cannot checkpoint:
 * in a fresh JVM, construct the handler as Lambda's init does, run its priming ({@code primed}) or not
 * ({@code unprimed}), then pause as a snapshot would (the JIT's queue drains; the primed HTTP connection idles past
 * the JDK's 5 s keep-alive, as after a restore, whose clock jump expires it), and time the first invocation and a
 * second one. The restore itself is not here: AWS reports it per cold start as {@code Restore Duration}.
 *
 * <p>Prints {@code priming mode=.. initMillis=.. primeMillis=.. firstInvokeMillis=.. secondInvokeMillis=..
 * status=.. steps=..}. Run as {@code java -cp <function jar>:<cold-start probe jar>
 * ru.rossgram.benchmarks.PrimingProbe <handler class> primed|unprimed <event.json> <second event.json>}; the
 * function's classes (SnapshotHooks among them) come from its jar.
 */
public final class PrimingProbe {
    /** Longer than the JDK's default keep-alive for idle connections (5 s). */
    private static final long SNAPSHOT_PAUSE_MILLIS = 6_000;

    private PrimingProbe() {
    }

    @SuppressWarnings("unchecked")
    public static void main(String[] args) throws Exception {
        if (args.length != 4 || !List.of("primed", "unprimed").contains(args[1])) {
            System.err.println("usage: PrimingProbe <handler class> primed|unprimed <event.json> <second event.json>");
            System.exit(2);
        }
        ClassLoader loader = PrimingProbe.class.getClassLoader();
        long t0 = System.nanoTime();
        var handler = (RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>)
                Class.forName(args[0], true, loader).getConstructor().newInstance();
        long t1 = System.nanoTime();
        List<String> steps = List.of();
        if (args[1].equals("primed")) {
            steps = ((SnapshotHooks) handler.getClass().getMethod("snapshotHooks").invoke(handler)).prime();
        }
        long t2 = System.nanoTime();
        Thread.sleep(SNAPSHOT_PAUSE_MILLIS);

        PojoSerializer<APIGatewayV2HTTPEvent> events = ColdStartProbe.serializer(APIGatewayV2HTTPEvent.class, loader);
        APIGatewayV2HTTPEvent first = read(events, Path.of(args[2]));
        APIGatewayV2HTTPEvent second = read(events, Path.of(args[3]));
        long t3 = System.nanoTime();
        APIGatewayV2HTTPResponse response = handler.handleRequest(first, new ColdStartProbe.MinimalContext());
        long t4 = System.nanoTime();
        handler.handleRequest(second, new ColdStartProbe.MinimalContext());
        long t5 = System.nanoTime();

        System.out.println("priming mode=" + args[1] + " initMillis=" + millis(t0, t1) + " primeMillis=" + millis(t1, t2)
                + " firstInvokeMillis=" + millis(t3, t4) + " secondInvokeMillis=" + millis(t4, t5)
                + " status=" + response.getStatusCode() + " steps=" + String.join(",", steps).replace(' ', '_')
                + " cpuMillis=" + cpuMillis()); // ChildJvm subtracts it from the machine's to see what others took
        System.out.flush();
        System.exit(0);
    }

    private static APIGatewayV2HTTPEvent read(PojoSerializer<APIGatewayV2HTTPEvent> serializer, Path file) throws Exception {
        try (InputStream in = Files.newInputStream(file)) {
            return serializer.fromJson(in);
        }
    }

    private static long cpuMillis() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() / 1_000_000 : -1;
    }

    private static long millis(long from, long to) {
        return Math.round((to - from) / 1_000_000.0);
    }
}
