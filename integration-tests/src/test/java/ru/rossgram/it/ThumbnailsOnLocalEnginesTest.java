package ru.rossgram.it;

import org.junit.jupiter.api.extension.ExtendWith;

/** The thumbnails contract against DynamoDB Local and S3Proxy. */
@ExtendWith(LocalEngines.class)
class ThumbnailsOnLocalEnginesTest extends ThumbnailsOnLocalCloud {
}
