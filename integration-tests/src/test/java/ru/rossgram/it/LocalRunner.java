package ru.rossgram.it;

import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import ru.rossgram.local.LocalBackend;
import ru.rossgram.local.RunnerOptions;
import ru.rossgram.localcloud.CloudProfile;

/**
 * JUnit extension for end-to-end tests: the local runner, started in this JVM on free ports with in-memory data
 * before a class's tests and closed after them, and the API over HTTP to it, as phones meet it. A test class marked
 * {@link OnYandex} gets the runner's Yandex mode: the same API through the Yandex entry points, under the Yandex
 * limits (so a subclass marked so runs its parent's tests once more that way).
 */
final class LocalRunner implements BeforeAllCallback, AfterAllCallback {
    private final RunnerOptions options;
    private LocalBackend backend;
    private ApiDriver api;

    private LocalRunner(RunnerOptions options) {
        this.options = options;
    }

    /** The runner with nothing kept between runs; {@code environment} on top of every function's. */
    static LocalRunner inMemory(Map<String, String> environment) {
        return new LocalRunner(onFreePorts().withDataDirectory(null).withEnvironment(environment));
    }

    /**
     * The runner's defaults with every port free-picked (the API, both engines and the payment simulator), so tests
     * run beside each other and beside a developer's runner on the default ports.
     */
    static RunnerOptions onFreePorts() {
        return RunnerOptions.defaults().withPort(0).withEnginePorts(0, 0).withPaymentsPort(0);
    }

    /** {@link #onFreePorts()} in the cloud {@code testClass} asks for: Yandex's when it is marked {@link OnYandex}. */
    static RunnerOptions onFreePorts(Class<?> testClass) {
        return forClass(onFreePorts(), testClass);
    }

    private static RunnerOptions forClass(RunnerOptions options, Class<?> testClass) {
        return testClass.isAnnotationPresent(OnYandex.class) ? options.withCloud(CloudProfile.YANDEX) : options;
    }

    /** The same runner with the simulated payment providers on a free port. */
    LocalRunner withPayments() {
        return new LocalRunner(options.withPaymentsPort(0));
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        // One extension serves a class and its OnYandex subclass, one after the other.
        backend = LocalBackend.start(forClass(options, context.getRequiredTestClass()), line -> { });
        api = ApiDriver.overHttp(backend.apiUri());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (backend != null) {
            backend.close();
        }
    }

    LocalBackend backend() {
        return backend;
    }

    ApiDriver api() {
        return api;
    }

    /** A new user named after {@code name}, signed in on a phone. */
    User signUp(String name) {
        return User.signUp(api, TestSettings.unique(name));
    }
}
