package ru.rossgram.it;

/** {@link SocialFeedEndToEndTest} through the runner's Yandex mode: the Yandex entry points, under the Yandex limits. */
@OnYandex
class SocialFeedOnYandexEndToEndTest extends SocialFeedEndToEndTest {
}
