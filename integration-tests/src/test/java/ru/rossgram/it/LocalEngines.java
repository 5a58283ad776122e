package ru.rossgram.it;

import java.util.Map;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import ru.rossgram.localcloud.template.FunctionSpec;
import ru.rossgram.localcloud.LocalCloud;
import ru.rossgram.localcloud.LocalCloudOptions;
import ru.rossgram.localcloud.template.SamTemplate;

/**
 * JUnit extension: DynamoDB Local and S3Proxy, started once per test JVM on free loopback ports and
 * provisioned from template.yaml, shared by every test class that asks for a {@link Backend}. A subclass
 * starts engines with other {@link #options()}, a pair of its own beside this one's.
 */
public class LocalEngines implements ParameterResolver, Backend {
    private final LocalCloud cloud;
    private final Map<String, String> parameters;

    private LocalEngines(LocalCloud cloud) {
        this.cloud = cloud;
        this.parameters = Map.of("AccessTokenSecret", Backend.randomAccessTokenSecret());
    }

    /** Required by JUnit; the real state lives in the root store so one engine pair serves the whole JVM. */
    public LocalEngines() {
        this.cloud = null;
        this.parameters = Map.of();
    }

    /** @return how this extension's engines start: the default profile */
    protected LocalCloudOptions options() {
        return LocalCloudOptions.defaults();
    }

    private LocalEngines in(ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(getClass().getName(),
                        key -> new Closeable(new LocalEngines(LocalCloud.start(options()))), Closeable.class)
                .engines();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == Backend.class || type == LocalCloud.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        LocalEngines engines = in(context);
        return parameter.getParameter().getType() == LocalCloud.class ? engines.cloud : engines;
    }

    @Override
    public SamTemplate template() {
        return cloud.template();
    }

    @Override
    public Map<String, String> functionEnvironment(FunctionSpec function) {
        return cloud.functionEnvironment(function, parameters);
    }

    /** Lets JUnit stop the engines when the root context closes, after the last test. */
    private record Closeable(LocalEngines engines) implements ExtensionContext.Store.CloseableResource, AutoCloseable {
        @Override
        public void close() {
            engines.cloud.close();
        }
    }
}
