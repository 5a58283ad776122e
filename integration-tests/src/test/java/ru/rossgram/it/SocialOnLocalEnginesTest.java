package ru.rossgram.it;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/** The social graph contract against DynamoDB Local and S3Proxy. */
@ExtendWith(LocalEngines.class)
class SocialOnLocalEnginesTest extends SocialContract {
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
