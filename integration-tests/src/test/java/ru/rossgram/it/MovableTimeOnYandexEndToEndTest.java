package ru.rossgram.it;

/** {@link MovableTimeEndToEndTest} through the runner's Yandex mode: the Yandex entry points, under the Yandex limits. */
@OnYandex
class MovableTimeOnYandexEndToEndTest extends MovableTimeEndToEndTest {
}
