package ru.rossgram.it;

import org.junit.jupiter.api.extension.ExtendWith;

/** The renewal job's contract against DynamoDB Local, S3Proxy and the payment simulator. */
@ExtendWith(LocalEngines.class)
class RenewalJobOnLocalEnginesTest extends RenewalJobContract {
}
