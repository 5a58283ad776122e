package ru.rossgram.it;

import org.junit.jupiter.api.extension.ExtendWith;

/** The subscriber-only posts contract against DynamoDB Local and S3Proxy. */
@ExtendWith(LocalEngines.class)
class SubscriberPostsOnLocalEnginesTest extends SubscriberPostsContract {
}
