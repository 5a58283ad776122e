package ru.rossgram.it;

/** {@link UnroutedRequestsEndToEndTest} through the runner's Yandex mode: the Yandex entry points, under the Yandex limits. */
@OnYandex
class UnroutedRequestsOnYandexEndToEndTest extends UnroutedRequestsEndToEndTest {
}
