package ru.rossgram.it;

/** {@link InstagramImportEndToEndTest} through the runner's Yandex mode: the Yandex entry points, under the Yandex limits. */
@OnYandex
class InstagramImportOnYandexEndToEndTest extends InstagramImportEndToEndTest {
}
