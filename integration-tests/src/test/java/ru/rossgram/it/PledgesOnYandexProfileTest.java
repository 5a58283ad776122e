package ru.rossgram.it;

import org.junit.jupiter.api.extension.ExtendWith;

/** The pledges contract on the local engines of the Yandex profile (YDB's limits: 25 actions a transaction). */
@ExtendWith(YandexProfileEngines.class)
class PledgesOnYandexProfileTest extends PledgesContract {
}
