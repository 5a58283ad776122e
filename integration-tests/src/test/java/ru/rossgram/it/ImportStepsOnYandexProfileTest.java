package ru.rossgram.it;

import org.junit.jupiter.api.extension.ExtendWith;

/** The import steps' contract (every era, hostile archives, restarts, repeats) on the local engines of the Yandex profile. */
@ExtendWith(YandexProfileEngines.class)
class ImportStepsOnYandexProfileTest extends ImportStepsContract {
}
