package ru.rossgram.it;

import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import ru.rossgram.local.LocalBackend;
import ru.rossgram.local.RunnerOptions;

/**
 * JUnit extension for end-to-end tests: the local runner, started in this JVM on free ports with in-memory data
 * before a class's tests and closed after them, and the API over HTTP to it, as phones meet it.
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

    /** The same runner with the simulated payment providers on a free port. */
    LocalRunner withPayments() {
        return new LocalRunner(options.withPaymentsPort(0));
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        backend = LocalBackend.start(options, line -> { });
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
