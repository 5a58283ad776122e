package ru.rossgram.it;

import org.junit.jupiter.api.extension.ExtendWith;

/** Uploading an export against the local engines of the Yandex profile, through the AWS handlers. */
@ExtendWith(YandexProfileEngines.class)
class ImportUploadsOnYandexProfileTest extends ImportUploadsContract {
}
