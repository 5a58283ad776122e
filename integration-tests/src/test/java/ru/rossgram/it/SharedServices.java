package ru.rossgram.it;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.PropertySource;
import java.util.HashMap;
import java.util.Map;

/**
 * The shared services (and SDK clients) as a function of the template builds them, against the same backend:
 * for what a test does in the place of a function that does not exist yet (the thumbnail function's reports)
 * and for looking at storage directly.
 */
final class SharedServices implements AutoCloseable {
    private final ApplicationContext context;
    private final Map<String, String> environment;

    private SharedServices(ApplicationContext context, Map<String, String> environment) {
        this.context = context;
        this.environment = environment;
    }

    /** Services configured with the environment the template gives {@code logicalId}, plus {@code overrides}. */
    static SharedServices asFunction(Backend backend, String logicalId, Map<String, String> overrides) {
        Map<String, String> environment = new HashMap<>(backend.functionEnvironment(
                backend.template().function(logicalId).orElseThrow(() -> new AssertionError("no function " + logicalId))));
        environment.putAll(overrides);
        Map<String, Object> properties = new HashMap<>(environment);
        ApplicationContext context = ApplicationContext.builder()
                .environmentPropertySource(false)
                .propertySources(PropertySource.of("lambda-environment", properties, PropertySource.PropertyConvention.ENVIRONMENT_VARIABLE))
                .start();
        return new SharedServices(context, Map.copyOf(environment));
    }

    <T> T get(Class<T> type) {
        return context.getBean(type);
    }

    String mediaBucket() {
        return environment.get("ROSSGRAM_MEDIA_BUCKET");
    }

    @Override
    public void close() {
        context.close();
    }
}
