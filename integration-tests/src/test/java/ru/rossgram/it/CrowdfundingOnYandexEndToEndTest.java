package ru.rossgram.it;

/** {@link CrowdfundingEndToEndTest} through the runner's Yandex mode: the Yandex entry points, a timer message for the closing job. */
@OnYandex
class CrowdfundingOnYandexEndToEndTest extends CrowdfundingEndToEndTest {
}
