package ru.rossgram.it;

/** {@link DiscoveryEndToEndTest} through the runner's Yandex mode: the Yandex entry points, a timer message for the explore job. */
@OnYandex
class DiscoveryOnYandexEndToEndTest extends DiscoveryEndToEndTest {
}
