package ru.rossgram.it;

import org.junit.jupiter.api.extension.ExtendWith;

/** The engagement contract (likes, comments) against DynamoDB Local and S3Proxy. */
@ExtendWith(LocalEngines.class)
class EngagementOnLocalEnginesTest extends EngagementContract {
}
