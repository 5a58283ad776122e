package ru.rossgram.localcloud;

import java.lang.reflect.Field;
import java.util.EnumSet;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;

import org.gaul.s3proxy.S3Proxy;
import org.gaul.shaded.org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.gaul.shaded.org.eclipse.jetty.server.Server;

/**
 * Adds a servlet filter in front of everything an S3Proxy serves. S3Proxy builds its (shaded) Jetty server with one
 * servlet context in its constructor and offers no way to add to it, so the server is read from S3Proxy's private
 * field: one reflective read, checked here, instead of a second HTTP hop through a proxy of our own in front of it
 * (which would have to keep the Host header every SigV4 signature covers, and stream every body).
 */
final class S3ProxyFilters {

    private S3ProxyFilters() {
    }

    /**
     * @param proxy an S3Proxy not started yet
     * @param filter what every request meets first
     * @throws IllegalStateException when this S3Proxy version is not built as expected
     */
    static void install(S3Proxy proxy, Filter filter) {
        Object server;
        try {
            Field field = S3Proxy.class.getDeclaredField("server");
            field.setAccessible(true);
            server = field.get(proxy);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("this S3Proxy version keeps no Jetty server in a field named server", e);
        }
        if (!(server instanceof Server jetty) || !(jetty.getHandler() instanceof ServletContextHandler context)) {
            throw new IllegalStateException("this S3Proxy version does not serve from one servlet context: " + server);
        }
        context.addFilter(filter, "/*", EnumSet.of(DispatcherType.REQUEST));
    }
}
