package ru.rossgram.it;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/** The feeds contract (home feed, fan-out, grids) against DynamoDB Local and S3Proxy. */
@ExtendWith(LocalEngines.class)
class FeedsOnLocalEnginesTest extends FeedsContract {
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
