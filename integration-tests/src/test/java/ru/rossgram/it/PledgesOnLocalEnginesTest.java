package ru.rossgram.it;

import org.junit.jupiter.api.extension.ExtendWith;

/** The pledges contract (pledging, settling, the backer's cancel, the lists, the problems) against DynamoDB Local. */
@ExtendWith(LocalEngines.class)
class PledgesOnLocalEnginesTest extends PledgesContract {
}
