package ru.rossgram.it;

import org.junit.jupiter.api.extension.ExtendWith;

/** The accounts contract against DynamoDB Local and S3Proxy: the default, Docker-free backend. */
@ExtendWith(LocalEngines.class)
class AccountsOnLocalEnginesTest extends AccountsContract {
}
