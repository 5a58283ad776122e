package ru.rossgram.it;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import ru.rossgram.local.FunctionHost;

/**
 * The functions a contract runs against its backend, each host started when first needed and all closed together
 * when the contract is done; and the shared services as one function of the template sees them, for looking at
 * storage directly. Every host carries {@link AccountsContract#TEST_OVERRIDES}, and the contract's own settings, on top
 * of the template's environment.
 */
final class FunctionHosts implements AutoCloseable {
    private final Supplier<Backend> backend;
    private final String servicesFunction;
    private final Map<String, String> settings;
    private final List<FunctionHost> started = new ArrayList<>();
    private FunctionHost shared;
    private SharedServices services;

    /**
     * @param backend asked only when something is first started: a contract's subclass chooses its backend in
     *     {@code @BeforeAll}, after the contract is built
     * @param servicesFunction the logical id of the function whose environment {@link #services()} are built with
     */
    FunctionHosts(Supplier<Backend> backend, String servicesFunction) {
        this(backend, servicesFunction, Map.of());
    }

    /** @param settings environment variables every host of this contract gets, over the test overrides */
    FunctionHosts(Supplier<Backend> backend, String servicesFunction, Map<String, String> settings) {
        this.backend = backend;
        this.servicesFunction = servicesFunction;
        this.settings = Map.copyOf(settings);
    }

    /** The host most tests share. */
    synchronized FunctionHost shared() {
        if (shared == null) {
            shared = start(Map.of());
        }
        return shared;
    }

    /** Every function, as another warm instance, with {@code extra} on top of the test overrides and settings. */
    synchronized FunctionHost start(Map<String, String> extra) {
        Map<String, String> overrides = new HashMap<>(AccountsContract.TEST_OVERRIDES);
        overrides.putAll(settings);
        overrides.putAll(extra);
        FunctionHost host = backend.get().functions(overrides);
        started.add(host);
        return host;
    }

    /** Storage and tables as {@code servicesFunction} sees them. */
    synchronized SharedServices services() {
        if (services == null) {
            services = SharedServices.asFunction(backend.get(), servicesFunction, Map.of());
        }
        return services;
    }

    @Override
    public synchronized void close() {
        started.forEach(FunctionHost::close);
        if (services != null) {
            services.close();
        }
    }
}
