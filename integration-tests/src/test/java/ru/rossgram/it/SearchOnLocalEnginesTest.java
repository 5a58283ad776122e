package ru.rossgram.it;

import org.junit.jupiter.api.extension.ExtendWith;

/** The search contract against DynamoDB Local and S3Proxy. */
@ExtendWith(LocalEngines.class)
class SearchOnLocalEnginesTest extends SearchContract {
}
