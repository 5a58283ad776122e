package ru.rossgram.it;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.context.env.PropertySource;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import ru.rossgram.localcloud.FunctionSpec;

/**
 * Hosts the template's functions in this JVM, one warm handler instance per function, each built through
 * its Lambda-facing class with the environment the template gives it (endpoints pointed at the backend).
 */
final class FunctionHost implements AutoCloseable {
    private final Backend backend;
    private final Map<String, String> overrides;
    private final Map<String, RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>> warm = new ConcurrentHashMap<>();

    FunctionHost(Backend backend, Map<String, String> overrides) {
        this.backend = backend;
        this.overrides = Map.copyOf(overrides);
    }

    APIGatewayV2HTTPResponse invoke(FunctionSpec function, APIGatewayV2HTTPEvent event) {
        return handler(function).handleRequest(event, LocalLambdaContext.of(function.logicalId(), function.memorySize()));
    }

    @SuppressWarnings("unchecked")
    RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler(FunctionSpec function) {
        return warm.computeIfAbsent(function.logicalId(), id -> {
            Map<String, Object> environment = new HashMap<>(backend.functionEnvironment(function));
            environment.putAll(overrides);
            ApplicationContextBuilder context = ApplicationContext.builder()
                    .environmentPropertySource(false) // only the template's variables, not this JVM's
                    .propertySources(PropertySource.of("lambda-environment", environment,
                            PropertySource.PropertyConvention.ENVIRONMENT_VARIABLE));
            try {
                return (RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>) Class.forName(function.handler())
                        .getConstructor(ApplicationContextBuilder.class).newInstance(context);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot construct " + function.handler(), e);
            }
        });
    }

    @Override
    public void close() {
        warm.values().forEach(handler -> {
            if (handler instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception ignored) {
                    // closing a test container's handler; nothing to save
                }
            }
        });
        warm.clear();
    }
}
