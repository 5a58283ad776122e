package ru.rossgram.it;

import org.junit.jupiter.api.extension.ExtendWith;

/** The social graph contract against DynamoDB Local and S3Proxy. */
@ExtendWith(LocalEngines.class)
class SocialOnLocalEnginesTest extends SocialContract {
}
