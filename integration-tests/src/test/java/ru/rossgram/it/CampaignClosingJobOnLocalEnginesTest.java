package ru.rossgram.it;

import org.junit.jupiter.api.extension.ExtendWith;

/** The campaigns closing job's contract against DynamoDB Local, S3Proxy and the payment simulator. */
@ExtendWith(LocalEngines.class)
class CampaignClosingJobOnLocalEnginesTest extends CampaignClosingJobContract {
}
