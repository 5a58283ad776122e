package ru.rossgram.it;

import org.junit.jupiter.api.extension.ExtendWith;

/** The activity contract on the local engines of the Yandex profile, through the AWS handlers. */
@ExtendWith(YandexProfileEngines.class)
class ActivityOnYandexProfileTest extends ActivityContract {
}
