package ru.rossgram.it;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/** The engagement contract (likes, comments) against DynamoDB Local and S3Proxy. */
@ExtendWith(LocalEngines.class)
class EngagementOnLocalEnginesTest extends EngagementContract {
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
