package ru.rossgram.it;

import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * What every contract shares: the backend its variant runs it on (a {@link Backend} from the variant's extension,
 * {@link LocalEngines} or {@link LocalStackBackend}), and the functions on it with the contract's settings.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class Contract {
    protected final FunctionHosts hosts;
    private Backend backend;

    /**
     * @param servicesFunction the function whose view of storage and tables the contract's own looks use
     * @param settings environment every function gets in this contract, over the test overrides
     */
    protected Contract(String servicesFunction, Map<String, String> settings) {
        hosts = new FunctionHosts(this::backend, servicesFunction, settings);
    }

    @BeforeAll
    void useBackend(Backend backend) {
        this.backend = backend;
    }

    @AfterAll
    void stopFunctions() {
        hosts.close();
    }

    protected Backend backend() {
        return backend;
    }
}
