package ru.rossgram.it;

import org.junit.jupiter.api.extension.ExtendWith;

/** The crowdfunding campaigns contract against DynamoDB Local and S3Proxy. */
@ExtendWith(LocalEngines.class)
class CampaignsOnLocalEnginesTest extends CampaignsContract {
}
