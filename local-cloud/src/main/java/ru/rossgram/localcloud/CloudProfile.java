package ru.rossgram.localcloud;

/**
 * Which cloud's documented behaviour the local engines play. {@link #AWS} is DynamoDB Local and S3Proxy as they
 * are; {@link #YANDEX} puts guards in front of them that refuse, with the error the real service documents, every
 * request outside the limits of YDB's Document API and Yandex Object Storage, and signs for {@code ru-central1}.
 */
public enum CloudProfile {
    AWS(LocalCloudOptions.DEFAULT_REGION),
    YANDEX("ru-central1");

    private final String defaultRegion;

    CloudProfile(String defaultRegion) {
        this.defaultRegion = defaultRegion;
    }

    /** The region clients sign for unless the options name another. */
    public String defaultRegion() {
        return defaultRegion;
    }
}
