package ru.rossgram.it;

import org.junit.jupiter.api.extension.ExtendWith;

/** The referral program's contract on the local engines of the Yandex profile, through the AWS handlers. */
@ExtendWith(YandexProfileEngines.class)
class ReferralsOnYandexProfileTest extends ReferralsContract {
}
