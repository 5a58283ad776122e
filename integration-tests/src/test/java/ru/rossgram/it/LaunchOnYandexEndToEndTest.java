package ru.rossgram.it;

/** {@link LaunchEndToEndTest} through the runner's Yandex mode: the Yandex entry points, under the Yandex limits. */
@OnYandex
class LaunchOnYandexEndToEndTest extends LaunchEndToEndTest {
}
