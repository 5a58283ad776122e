package ru.rossgram.it;

import org.junit.jupiter.api.extension.ExtendWith;

/** The campaigns closing job's contract on the local engines of the Yandex profile (YDB's limits on transactions and queries). */
@ExtendWith(YandexProfileEngines.class)
class CampaignClosingJobOnYandexProfileTest extends CampaignClosingJobContract {
}
