package ru.rossgram.shared.config;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.ApplicationContextBuilder;

/**
 * The Micronaut context a function builds on Lambda's no-argument path. {@code LambdaApplicationContextBuilder}
 * turns on {@code eagerInitSingletons}, which creates every singleton in the jar at init (S3 clients for
 * sign-up, say), and {@code eagerInitSingletons(false)} cannot undo it: it only ever adds. So this builder
 * takes Lambda's other settings and leaves singletons lazy: init builds what the handler injects, no more.
 */
public final class FunctionContexts {
    private FunctionContexts() {
    }

    public static ApplicationContextBuilder lambda() {
        return ApplicationContext.builder().environments("function", "lambda").eagerInitConfiguration(true);
    }
}
