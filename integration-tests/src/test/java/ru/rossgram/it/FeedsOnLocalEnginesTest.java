package ru.rossgram.it;

import org.junit.jupiter.api.extension.ExtendWith;

/** The feeds contract (home feed, fan-out, grids) against DynamoDB Local and S3Proxy. */
@ExtendWith(LocalEngines.class)
class FeedsOnLocalEnginesTest extends FeedsContract {
}
