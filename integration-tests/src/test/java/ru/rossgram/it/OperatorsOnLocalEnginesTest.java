package ru.rossgram.it;

import org.junit.jupiter.api.extension.ExtendWith;

/** The operators contract against DynamoDB Local and S3Proxy: the default, Docker-free backend. */
@ExtendWith(LocalEngines.class)
class OperatorsOnLocalEnginesTest extends OperatorsContract {
}
