package ru.rossgram.it.launch;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import ru.rossgram.shared.snapshot.SnapshotHooks;

/**
 * Runs in a child JVM whose classpath is a function's deployable jar, this class and the Lambda runtime's
 * event serialization library (as on Lambda): constructs the handler the way Lambda does, with no arguments
 * and the configuration in process environment variables, reads the event file with the runtime's own
 * serializer, invokes the handler once and prints {@code status=<code>} for an HTTP event or
 * {@code handled} for a storage or scheduled event, then the process's peak resident memory as {@code peakRssKb=<n>}
 * (Linux). Only what the deployable jar holds is used.
 *
 * <p>With {@code -Drossgram.launch.prime=true}, runs the function's SnapStart priming between construction and the
 * event, as Lambda does before its snapshot, and prints {@code primed=[...]}.
 */
public final class LambdaLaunch {
    private LambdaLaunch() {
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    public static void main(String[] args) throws Exception {
        var handler = (RequestHandler) Class.forName(args[0]).getConstructor().newInstance();
        if (Boolean.getBoolean("rossgram.launch.prime")) {
            var hooks = (SnapshotHooks) handler.getClass().getMethod("snapshotHooks").invoke(handler);
            System.out.println("primed=" + hooks.prime());
        }
        Path eventFile = Path.of(args[1]);
        String json = Files.readString(eventFile, StandardCharsets.UTF_8);
        boolean storageEvent = json.contains("\"aws:s3\"");
        boolean scheduledEvent = json.contains("\"aws.events\"");
        Class<?> eventType = storageEvent ? S3Event.class : scheduledEvent ? ScheduledEvent.class : APIGatewayV2HTTPEvent.class;
        Object event;
        try (InputStream in = Files.newInputStream(eventFile)) {
            event = LambdaEventSerializers.serializerFor(eventType, LambdaLaunch.class.getClassLoader()).fromJson(in);
        }
        Object result = handler.handleRequest(event, context(args[0]));
        System.out.println(storageEvent || scheduledEvent ? "handled" : "status=" + ((APIGatewayV2HTTPResponse) result).getStatusCode());
        Path status = Path.of("/proc/self/status");
        if (Files.isReadable(status)) {
            Files.readAllLines(status).stream().filter(line -> line.startsWith("VmHWM:"))
                    .map(line -> line.replaceAll("\\D", "")).findFirst()
                    .ifPresent(kb -> System.out.println("peakRssKb=" + kb));
        }
    }

    private static Context context(String functionName) {
        return new Context() {
            @Override public String getAwsRequestId() { return "launch"; }
            @Override public String getLogGroupName() { return "launch"; }
            @Override public String getLogStreamName() { return "launch"; }
            @Override public String getFunctionName() { return functionName; }
            @Override public String getFunctionVersion() { return "$LATEST"; }
            @Override public String getInvokedFunctionArn() { return "arn:aws:lambda:us-east-1:000000000000:function:launch"; }
            @Override public CognitoIdentity getIdentity() { return null; }
            @Override public ClientContext getClientContext() { return null; }
            @Override public int getRemainingTimeInMillis() { return 60_000; }
            @Override public int getMemoryLimitInMB() { return 512; }
            @Override public LambdaLogger getLogger() {
                return new LambdaLogger() {
                    @Override public void log(String message) { System.err.print(message); }
                    @Override public void log(byte[] message) { System.err.write(message, 0, message.length); }
                };
            }
        };
    }
}
