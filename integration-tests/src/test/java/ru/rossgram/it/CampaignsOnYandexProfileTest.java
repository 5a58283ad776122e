package ru.rossgram.it;

import org.junit.jupiter.api.extension.ExtendWith;

/** The crowdfunding campaigns contract on the local engines of the Yandex profile, through the AWS handlers. */
@ExtendWith(YandexProfileEngines.class)
class CampaignsOnYandexProfileTest extends CampaignsContract {
}
