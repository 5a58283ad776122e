package ru.rossgram.it;

/** {@link SubscriptionsEndToEndTest} through the runner's Yandex mode: the Yandex entry points, a timer message for the schedule. */
@OnYandex
class SubscriptionsOnYandexEndToEndTest extends SubscriptionsEndToEndTest {
}
