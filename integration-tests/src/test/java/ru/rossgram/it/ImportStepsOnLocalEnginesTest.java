package ru.rossgram.it;

import org.junit.jupiter.api.extension.ExtendWith;

/** The import steps' contract (every era, hostile archives, restarts, repeats) against DynamoDB Local and S3Proxy. */
@ExtendWith(LocalEngines.class)
class ImportStepsOnLocalEnginesTest extends ImportStepsContract {
}
