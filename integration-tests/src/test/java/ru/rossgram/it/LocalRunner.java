package ru.rossgram.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import ru.rossgram.local.LocalBackend;
import ru.rossgram.local.RunnerOptions;
import ru.rossgram.localcloud.CloudProfile;
import ru.rossgram.paymentsim.PaymentSimulator;
import ru.rossgram.paymentsim.Provider;
import ru.rossgram.paymentsim.SimulatedCard;

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
     * run beside each other and beside a developer's runner on the default ports, and schedules fired only on demand
     * ({@link #runSchedule}), so that a test decides when a scheduled function runs.
     */
    static RunnerOptions onFreePorts() {
        return RunnerOptions.defaults().withPort(0).withEnginePorts(0, 0).withPaymentsPort(0).withSchedules(false);
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

    /**
     * Moves every function's time forward by {@code by} (a renewal's due date, a grace period's end). Access tokens
     * age with it: a user whose token expired in the jump signs in or refreshes again.
     *
     * @return the time the functions see now
     */
    java.time.Instant advanceClock(java.time.Duration by) {
        return backend.clock().orElseThrow(() -> new IllegalStateException("this runner runs on the system clock"))
                .advance(by);
    }

    /**
     * Fires {@code functionLogicalId}'s (first) {@code Schedule} event now, as EventBridge would (a timer trigger in the
     * Yandex mode), and waits for the function.
     *
     * @return the function's result as JSON
     * @throws RuntimeException whatever the function throws
     */
    String runSchedule(String functionLogicalId) {
        return backend.schedules().fire(functionLogicalId, null).result();
    }

    /** Moves the functions' clock to {@code at}, or leaves it where it is when it is there already (never back). */
    java.time.Instant moveClockTo(java.time.Instant at) {
        java.time.Instant now = advanceClock(java.time.Duration.ZERO);
        return at.isAfter(now) ? advanceClock(java.time.Duration.between(now, at)) : now;
    }

    /** A new user named after {@code name}, signed in on a phone. */
    User signUp(String name) {
        return User.signUp(api, TestSettings.unique(name));
    }

    /** {@code user} signed in again: a jump of the clock outlives access tokens. */
    User signIn(User user) {
        JsonNode session = api.post("/v1/sessions", TestSettings.signInBody(user.username(), TestSettings.PASSWORD)).json();
        return new User(user.id(), user.username(), session.at("/tokens/accessToken").asText(), user.api());
    }

    /** The simulated providers ({@link #withPayments()}). */
    PaymentSimulator simulator() {
        return backend.paymentSimulator().orElseThrow();
    }

    /**
     * The buyer opens the payment page a checkout answered (which is when Robokassa learns of a payment) and pays
     * with {@code card}; asserts that our webhook took the provider's notification.
     */
    void pay(Provider provider, JsonNode payment, SimulatedCard card) throws Exception {
        URI page = URI.create(payment.path("confirmationUrl").asText());
        assertEquals(200, ApiDriver.HTTP.send(HttpRequest.newBuilder(page).build(), HttpResponse.BodyHandlers.ofString()).statusCode());
        assertEquals(200, simulator().pay(provider, Marketplace.simulatedId(provider, payment), card).status());
    }
}
