package ru.rossgram.it;

import org.junit.jupiter.api.extension.ExtendWith;

/** The activity items likes, comments and captions write, against DynamoDB Local and S3Proxy. */
@ExtendWith(LocalEngines.class)
class ActivityWritesOnLocalEnginesTest extends ActivityWritesContract {
}
