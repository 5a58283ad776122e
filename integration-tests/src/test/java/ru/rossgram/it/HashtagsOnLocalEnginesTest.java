package ru.rossgram.it;

import org.junit.jupiter.api.extension.ExtendWith;

/** The hashtags contract (pages, index, counts, search) against DynamoDB Local and S3Proxy. */
@ExtendWith(LocalEngines.class)
class HashtagsOnLocalEnginesTest extends HashtagsContract {
}
