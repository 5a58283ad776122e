package ru.rossgram.it;

import org.junit.jupiter.api.extension.ExtendWith;

/** The activity items likes, comments and captions write, on the local engines of the Yandex profile. */
@ExtendWith(YandexProfileEngines.class)
class ActivityWritesOnYandexProfileTest extends ActivityWritesContract {
}
