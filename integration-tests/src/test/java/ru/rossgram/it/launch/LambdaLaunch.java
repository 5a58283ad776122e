package ru.rossgram.it.launch;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;

/**
 * Runs in a child JVM whose classpath is a function's deployable jar (plus this class): constructs the
 * handler the way Lambda does, with no arguments and the configuration in process environment variables,
 * invokes it once and prints {@code status=<code>}. Only what the deployable jar holds is used.
 */
public final class LambdaLaunch {
    private LambdaLaunch() {
    }

    @SuppressWarnings("unchecked")
    public static void main(String[] args) throws Exception {
        var handler = (RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>) Class.forName(args[0])
                .getConstructor().newInstance();
        APIGatewayV2HTTPEvent event = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
                .readValue(new File(args[1]), APIGatewayV2HTTPEvent.class);
        APIGatewayV2HTTPResponse response = handler.handleRequest(event, new Context() {
            @Override public String getAwsRequestId() { return "launch"; }
            @Override public String getLogGroupName() { return "launch"; }
            @Override public String getLogStreamName() { return "launch"; }
            @Override public String getFunctionName() { return args[0]; }
            @Override public String getFunctionVersion() { return "$LATEST"; }
            @Override public String getInvokedFunctionArn() { return "arn:aws:lambda:us-east-1:000000000000:function:launch"; }
            @Override public CognitoIdentity getIdentity() { return null; }
            @Override public ClientContext getClientContext() { return null; }
            @Override public int getRemainingTimeInMillis() { return 15_000; }
            @Override public int getMemoryLimitInMB() { return 1024; }
            @Override public LambdaLogger getLogger() {
                return new LambdaLogger() {
                    @Override public void log(String message) { System.err.print(message); }
                    @Override public void log(byte[] message) { System.err.write(message, 0, message.length); }
                };
            }
        });
        System.out.println("status=" + response.getStatusCode());
    }
}
