package ru.rossgram.it;

import org.junit.jupiter.api.extension.ExtendWith;

/** The saved-posts contract on the local engines of the Yandex profile, through the AWS handlers. */
@ExtendWith(YandexProfileEngines.class)
class SavedPostsOnYandexProfileTest extends SavedPostsContract {
}
