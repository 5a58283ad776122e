package ru.rossgram.it;

import org.junit.jupiter.api.extension.ExtendWith;

/** The explore contract (the job, the page) against DynamoDB Local and S3Proxy. */
@ExtendWith(LocalEngines.class)
class ExploreOnLocalEnginesTest extends ExploreContract {
}
