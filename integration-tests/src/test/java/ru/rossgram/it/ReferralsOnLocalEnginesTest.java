package ru.rossgram.it;

import org.junit.jupiter.api.extension.ExtendWith;

/** The referral program's contract against DynamoDB Local and S3Proxy. */
@ExtendWith(LocalEngines.class)
class ReferralsOnLocalEnginesTest extends ReferralsContract {
}
