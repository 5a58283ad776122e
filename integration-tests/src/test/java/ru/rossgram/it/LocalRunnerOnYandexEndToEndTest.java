package ru.rossgram.it;

/** {@link LocalRunnerEndToEndTest} through the runner's Yandex mode: the Yandex entry points, under the Yandex limits. */
@OnYandex
class LocalRunnerOnYandexEndToEndTest extends LocalRunnerEndToEndTest {
}
