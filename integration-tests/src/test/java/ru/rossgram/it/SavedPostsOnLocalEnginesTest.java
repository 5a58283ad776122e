package ru.rossgram.it;

import org.junit.jupiter.api.extension.ExtendWith;

/** The saved-posts contract against DynamoDB Local and S3Proxy. */
@ExtendWith(LocalEngines.class)
class SavedPostsOnLocalEnginesTest extends SavedPostsContract {
}
