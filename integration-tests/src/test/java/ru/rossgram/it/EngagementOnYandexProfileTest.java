package ru.rossgram.it;

import org.junit.jupiter.api.extension.ExtendWith;

/** The engagement contract (likes, comments) on the local engines of the Yandex profile, through the AWS handlers. */
@ExtendWith(YandexProfileEngines.class)
class EngagementOnYandexProfileTest extends EngagementContract {
}
