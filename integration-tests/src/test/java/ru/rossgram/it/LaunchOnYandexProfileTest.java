package ru.rossgram.it;

import org.junit.jupiter.api.extension.ExtendWith;

/** The launch contract on the local engines of the Yandex profile, through the AWS handlers. */
@ExtendWith(YandexProfileEngines.class)
class LaunchOnYandexProfileTest extends LaunchContract {
}
