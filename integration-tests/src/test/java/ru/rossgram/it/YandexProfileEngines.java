package ru.rossgram.it;

import ru.rossgram.localcloud.CloudProfile;
import ru.rossgram.localcloud.LocalCloudOptions;

/**
 * JUnit extension: the local engines of the Yandex profile (YDB Document API and Object Storage limits enforced,
 * {@code ru-central1}), started once per test JVM beside {@link LocalEngines}' default pair.
 */
public final class YandexProfileEngines extends LocalEngines {
    @Override
    protected LocalCloudOptions options() {
        return LocalCloudOptions.builder().profile(CloudProfile.YANDEX).build();
    }
}
