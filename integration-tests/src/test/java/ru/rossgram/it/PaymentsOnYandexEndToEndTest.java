package ru.rossgram.it;

/** {@link PaymentsEndToEndTest} through the runner's Yandex mode: the Yandex entry points, under the Yandex limits. */
@OnYandex
class PaymentsOnYandexEndToEndTest extends PaymentsEndToEndTest {
}
