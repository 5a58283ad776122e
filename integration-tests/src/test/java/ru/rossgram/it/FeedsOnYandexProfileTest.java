package ru.rossgram.it;

import org.junit.jupiter.api.extension.ExtendWith;

/** The feeds contract (home feed, fan-out, grids) on the local engines of the Yandex profile, through the AWS handlers. */
@ExtendWith(YandexProfileEngines.class)
class FeedsOnYandexProfileTest extends FeedsContract {
}
