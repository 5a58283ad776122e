package ru.rossgram.it;

import org.junit.jupiter.api.extension.ExtendWith;

/** The subscription tiers contract against DynamoDB Local and S3Proxy. */
@ExtendWith(LocalEngines.class)
class TiersOnLocalEnginesTest extends TiersContract {
}
