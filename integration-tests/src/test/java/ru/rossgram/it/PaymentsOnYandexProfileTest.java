package ru.rossgram.it;

import org.junit.jupiter.api.extension.ExtendWith;

/** The payments contract (paid posts, checkout, webhooks, ledger) on the local engines of the Yandex profile, through the AWS handlers. */
@ExtendWith(YandexProfileEngines.class)
class PaymentsOnYandexProfileTest extends PaymentsContract {
}
