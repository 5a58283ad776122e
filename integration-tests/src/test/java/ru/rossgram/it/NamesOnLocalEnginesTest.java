package ru.rossgram.it;

import org.junit.jupiter.api.extension.ExtendWith;

/** The protected-names contract against DynamoDB Local and S3Proxy. */
@ExtendWith(LocalEngines.class)
class NamesOnLocalEnginesTest extends NamesContract {
}
