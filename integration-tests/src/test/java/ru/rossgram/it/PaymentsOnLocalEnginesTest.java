package ru.rossgram.it;

import org.junit.jupiter.api.extension.ExtendWith;

/** The payments contract (paid posts, checkout, webhooks, ledger) against DynamoDB Local and S3Proxy. */
@ExtendWith(LocalEngines.class)
class PaymentsOnLocalEnginesTest extends PaymentsContract {
}
