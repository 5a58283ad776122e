package ru.rossgram.it;

import org.junit.jupiter.api.extension.ExtendWith;

/** The subscriptions contract (subscribing, settling, cancel, tier changes, refunds, renewals) against DynamoDB Local. */
@ExtendWith(LocalEngines.class)
class SubscriptionsOnLocalEnginesTest extends SubscriptionsContract {
}
