package ru.rossgram.it;

import org.junit.jupiter.api.extension.ExtendWith;

/** The hashtags contract (pages, index, counts, search) on the local engines of the Yandex profile. */
@ExtendWith(YandexProfileEngines.class)
class HashtagsOnYandexProfileTest extends HashtagsContract {
}
