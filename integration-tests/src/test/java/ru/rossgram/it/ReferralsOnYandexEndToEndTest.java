package ru.rossgram.it;

/** {@link ReferralsEndToEndTest} through the runner's Yandex mode: the Yandex entry points, under the Yandex limits. */
@OnYandex
class ReferralsOnYandexEndToEndTest extends ReferralsEndToEndTest {
}
