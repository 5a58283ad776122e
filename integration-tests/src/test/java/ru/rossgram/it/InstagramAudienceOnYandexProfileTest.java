package ru.rossgram.it;

import org.junit.jupiter.api.extension.ExtendWith;

/** The Instagram audience contract against the local engines of the Yandex profile, through the AWS handlers. */
@ExtendWith(YandexProfileEngines.class)
class InstagramAudienceOnYandexProfileTest extends InstagramAudienceContract {
}
