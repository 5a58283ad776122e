package ru.rossgram.it;

import org.junit.jupiter.api.extension.ExtendWith;

/** The activity contract (follows, requests, sales, paging, unread) against DynamoDB Local and S3Proxy. */
@ExtendWith(LocalEngines.class)
class ActivityOnLocalEnginesTest extends ActivityContract {
}
