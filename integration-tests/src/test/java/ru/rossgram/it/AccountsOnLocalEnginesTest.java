package ru.rossgram.it;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/** The accounts contract against DynamoDB Local and S3Proxy: the default, Docker-free backend. */
@ExtendWith(LocalEngines.class)
class AccountsOnLocalEnginesTest extends AccountsContract {
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
