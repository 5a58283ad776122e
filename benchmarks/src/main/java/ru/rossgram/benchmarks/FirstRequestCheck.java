package ru.rossgram.benchmarks;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import ru.rossgram.local.FunctionHost;
import ru.rossgram.localcloud.LocalCloud;
import ru.rossgram.localcloud.template.FunctionSpec;

/**
 * Confirms that each bare handler makes the same requests as its function's first request: both run once in this
 * JVM, against the same engines, on events made alike, the real function in a fresh {@link FunctionHost} (a new
 * instance, as on a new container), while {@link ServiceRequests} records what each sends. The benchmark stops when
 * the operations or their counts differ (the bare handler then needs updating to the function); the report lists
 * both. Presigning sends nothing, so presigned URLs are compared by reading the code, not here.
 */
final class FirstRequestCheck {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What one side sent: the answer's status and every request, in order. */
    record Sent(int status, String body, List<String> requests) {
        Map<String, Integer> operations() {
            return ServiceRequests.operations(requests);
        }
    }

    /** Both sides of one function. */
    record Result(FirstRequests function, Sent real, Sent bare) {
        boolean same() {
            return real.operations().equals(bare.operations());
        }

        /** Whether the real answer shows the work measured (see {@link FirstRequests#complete}). */
        boolean complete() {
            return function.complete(real.body());
        }
    }

    private FirstRequestCheck() {
    }

    static Result check(LocalCloud cloud, FirstRequestState state, FirstRequests function, Map<String, String> parameters,
            Map<String, String> childEnvironment, Path events) throws Exception {
        FunctionSpec fn = cloud.template().function(function.logicalId).orElseThrow();
        Sent real;
        try (FunctionHost host = new FunctionHost(spec -> cloud.functionEnvironment(spec, parameters))) {
            host.warmUp(fn); // construction is init: its requests (none expected) are not the first request's
            String event = function.event(state, events.resolve(function.awsSample));
            ServiceRequests.start();
            String answer = host.invoke(fn, event);
            List<String> requests = ServiceRequests.stop();
            JsonNode json = JSON.readTree(answer);
            real = new Sent(json.path("statusCode").asInt(), json.path("body").asText(""), requests);
        }
        RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> bare = bare(function, childEnvironment);
        var serializer = ColdStartProbe.serializer(APIGatewayV2HTTPEvent.class, FirstRequestCheck.class.getClassLoader());
        APIGatewayV2HTTPEvent event = serializer.fromJson(new ByteArrayInputStream(
                function.event(state, events.resolve(function.awsSample)).getBytes(StandardCharsets.UTF_8)));
        ServiceRequests.start();
        APIGatewayV2HTTPResponse answer = bare.handleRequest(event, null);
        Sent bareSent = new Sent(answer.getStatusCode(), answer.getBody(), ServiceRequests.stop());
        return new Result(function, real, bareSent);
    }

    @SuppressWarnings("unchecked")
    private static RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> bare(FirstRequests function,
            Map<String, String> environment) throws ReflectiveOperationException {
        return (RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>) Class.forName(function.bareHandler)
                .getConstructor(Map.class).newInstance(environment);
    }
}
