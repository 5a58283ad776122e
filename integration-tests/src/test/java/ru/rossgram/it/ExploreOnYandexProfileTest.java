package ru.rossgram.it;

import org.junit.jupiter.api.extension.ExtendWith;

/** The explore contract (the job, the page) on the local engines of the Yandex profile (no consistent reads on gsi1, 25 actions a transaction), through the AWS handlers. */
@ExtendWith(YandexProfileEngines.class)
class ExploreOnYandexProfileTest extends ExploreContract {
}
