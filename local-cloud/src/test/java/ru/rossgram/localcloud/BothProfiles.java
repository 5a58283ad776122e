package ru.rossgram.localcloud;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Base of the tests that show a call refused under the Yandex profile and accepted under AWS's, so that the refusal
 * is the guard's: one local cloud of each profile per test class.
 */
abstract class BothProfiles {
    protected static LocalCloud yandex;
    protected static LocalCloud aws;

    @BeforeAll
    static void startBoth() {
        yandex = LocalCloud.start(LocalCloudOptions.builder().profile(CloudProfile.YANDEX).build());
        aws = LocalCloud.start();
    }

    @AfterAll
    static void stopBoth() {
        Closer.closeAllOrThrow("cannot stop the clouds cleanly", yandex, aws);
    }
}
