package ru.rossgram.it;

import org.junit.jupiter.api.extension.ExtendWith;

/** The imported-posts contract against DynamoDB Local and S3Proxy. */
@ExtendWith(LocalEngines.class)
class ImportedPostsOnLocalEnginesTest extends ImportedPostsContract {
}
