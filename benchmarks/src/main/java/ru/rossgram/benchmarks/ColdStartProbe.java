package ru.rossgram.benchmarks;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/**
 * One cold start, the way the Lambda Java runtime does it: load and construct the handler with its
 * no-argument constructor (Lambda's init phase), read the event with the serialiser the runtime picks, call
 * {@code handleRequest} once and serialise the response. Prints
 * {@code coldStartMillis=.. status=.. initMillis=.. invokeMillis=..} (plus a few extras) measured from the
 * JVM's own start time, then optionally a second, warm invocation.
 *
 * <p>Run as {@code java -cp <function jar>:<probe jar> ru.rossgram.benchmarks.ColdStartProbe <handler class>
 * <event.json> [<second event.json>]}. Its jar holds only this class and aws-lambda-java-serialization;
 * the handler, Lambda core and events classes come from the function jar under test.
 */
public final class ColdStartProbe {
    private ColdStartProbe() {
    }

    public static void main(String[] args) throws Exception {
        long mainEntered = System.currentTimeMillis();
        if (args.length < 2 || args.length > 3) {
            System.err.println("usage: ColdStartProbe <handler class> <event.json> [<warm event.json>]");
            System.exit(2);
        }
        ClassLoader loader = ColdStartProbe.class.getClassLoader();

        long t0 = System.nanoTime();
        RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler = construct(args[0], loader);
        long t1 = System.nanoTime();
        PojoSerializer<APIGatewayV2HTTPEvent> events = serializer(APIGatewayV2HTTPEvent.class, loader);
        PojoSerializer<APIGatewayV2HTTPResponse> responses = serializer(APIGatewayV2HTTPResponse.class, loader);
        APIGatewayV2HTTPEvent event = read(events, Path.of(args[1]));
        long t2 = System.nanoTime();
        APIGatewayV2HTTPResponse response = handler.handleRequest(event, new MinimalContext());
        long t3 = System.nanoTime();
        byte[] payload = write(responses, response);
        long firstResponse = System.currentTimeMillis();

        ProbeLines.firstCall(mainEntered, t0, t1, t2, t3, firstResponse, response.getStatusCode(), payload);

        if (args.length == 3) {
            APIGatewayV2HTTPEvent second = read(events, Path.of(args[2]));
            long w0 = System.nanoTime();
            APIGatewayV2HTTPResponse warm = handler.handleRequest(second, new MinimalContext());
            long w1 = System.nanoTime();
            ProbeLines.warmCall(w0, w1, warm.getStatusCode(), write(responses, warm));
        }
        ProbeLines.finish();
    }

    /**
     * The serialiser the Lambda Java runtime picks (aws-lambda-java-runtime-interface-client,
     * EventHandlerLoader): the customised one for the events it lists, plain Jackson for everything else.
     * The HTTP API's v2 events are not on its list, and the customised one would also require joda-time
     * on the function's classpath.
     */
    static <T> PojoSerializer<T> serializer(Class<T> type, ClassLoader loader) {
        return LambdaEventSerializers.isLambdaSupportedEvent(type.getName())
                ? LambdaEventSerializers.serializerFor(type, loader)
                : JacksonFactory.getInstance().getSerializer(type);
    }

    @SuppressWarnings("unchecked")
    private static RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> construct(String className,
            ClassLoader loader) throws ReflectiveOperationException {
        Class<?> type = Class.forName(className, true, loader);
        return (RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>) type.getConstructor().newInstance();
    }

    private static APIGatewayV2HTTPEvent read(PojoSerializer<APIGatewayV2HTTPEvent> serializer, Path file) throws Exception {
        try (InputStream in = Files.newInputStream(file)) {
            return serializer.fromJson(in);
        }
    }

    private static byte[] write(PojoSerializer<APIGatewayV2HTTPResponse> serializer, APIGatewayV2HTTPResponse response) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        serializer.toJson(response, out);
        return out.toByteArray();
    }

    /** What a handler may ask of its context; values shaped like the template's SignUpFunction. */
    static final class MinimalContext implements Context {
        private final String requestId = UUID.randomUUID().toString();

        @Override
        public String getAwsRequestId() {
            return requestId;
        }

        @Override
        public String getLogGroupName() {
            return "/aws/lambda/cold-start-probe";
        }

        @Override
        public String getLogStreamName() {
            return "cold-start-probe";
        }

        @Override
        public String getFunctionName() {
            return "cold-start-probe";
        }

        @Override
        public String getFunctionVersion() {
            return "$LATEST";
        }

        @Override
        public String getInvokedFunctionArn() {
            return "arn:aws:lambda:us-east-1:000000000000:function:cold-start-probe";
        }

        @Override
        public CognitoIdentity getIdentity() {
            return null;
        }

        @Override
        public ClientContext getClientContext() {
            return null;
        }

        @Override
        public int getRemainingTimeInMillis() {
            return 15_000;
        }

        @Override
        public int getMemoryLimitInMB() {
            return 1024;
        }

        @Override
        public LambdaLogger getLogger() {
            return new LambdaLogger() {
                @Override
                public void log(String message) {
                    System.err.print(message);
                }

                @Override
                public void log(byte[] message) {
                    System.err.print(new String(message, StandardCharsets.UTF_8));
                }
            };
        }
    }
}
