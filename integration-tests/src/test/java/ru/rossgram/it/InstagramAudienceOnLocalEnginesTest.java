package ru.rossgram.it;

import org.junit.jupiter.api.extension.ExtendWith;

/** The Instagram audience contract against DynamoDB Local and S3Proxy. */
@ExtendWith(LocalEngines.class)
class InstagramAudienceOnLocalEnginesTest extends InstagramAudienceContract {
}
