package ru.rossgram.it;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/** The payments contract (paid posts, checkout, webhooks, ledger) against DynamoDB Local and S3Proxy. */
@ExtendWith(LocalEngines.class)
class PaymentsOnLocalEnginesTest extends PaymentsContract {
    private Backend backend;

    @BeforeAll
    void useLocalEngines(Backend backend) {
        this.backend = backend;
    }

    @Override
    protected Backend backend() {
        return backend;
    }
}
