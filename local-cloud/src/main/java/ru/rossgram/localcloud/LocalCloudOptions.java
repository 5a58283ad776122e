package ru.rossgram.localcloud;

import java.nio.file.Path;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How {@link LocalCloud} runs its engines.
 *
 * @param dataDirectory where tables and objects persist across runs; null keeps everything in memory
 * @param dynamoDbPort DynamoDB Local's port on 127.0.0.1; 0 picks a free one
 * @param s3Port S3Proxy's port on 127.0.0.1; 0 picks a free one
 * @param accessKeyId the access key both engines accept (S3Proxy refuses any other); letters and
 *     digits only, because DynamoDB Local 2.x answers any other key with UnrecognizedClientException
 * @param secretAccessKey the secret that signs requests and presigned URLs
 * @param region the region clients sign for and ARNs name
 * @param profile which cloud's documented limits the engines enforce
 */
public record LocalCloudOptions(
        Path dataDirectory, int dynamoDbPort, int s3Port, String accessKeyId, String secretAccessKey, String region,
        CloudProfile profile) {

    /** The access key used unless another is set (letters and digits only: see {@link #accessKeyId()}). */
    public static final String DEFAULT_ACCESS_KEY_ID = "localAccessKey";
    /** The secret key used unless another is set. */
    public static final String DEFAULT_SECRET_ACCESS_KEY = "localSecretKey";
    private static final Pattern DYNAMODB_LOCAL_ACCESS_KEY = Pattern.compile("[A-Za-z0-9]+");
    /** The region used unless another is set (or the profile names another). */
    public static final String DEFAULT_REGION = "us-east-1";

    /**
     * Validates the components.
     *
     * @param dataDirectory see {@link #dataDirectory()}
     * @param dynamoDbPort see {@link #dynamoDbPort()}
     * @param s3Port see {@link #s3Port()}
     * @param accessKeyId see {@link #accessKeyId()}
     * @param secretAccessKey see {@link #secretAccessKey()}
     * @param region see {@link #region()}
     * @param profile see {@link #profile()}
     */
    public LocalCloudOptions {
        checkPort(dynamoDbPort, "dynamoDbPort");
        checkPort(s3Port, "s3Port");
        if (dynamoDbPort != 0 && dynamoDbPort == s3Port) {
            throw new IllegalArgumentException("dynamoDbPort and s3Port must differ, both were " + s3Port);
        }
        requireText(accessKeyId, "accessKeyId");
        if (!DYNAMODB_LOCAL_ACCESS_KEY.matcher(accessKeyId).matches()) {
            throw new IllegalArgumentException("accessKeyId must be letters and digits only (DynamoDB Local refuses"
                    + " any other), was: " + accessKeyId);
        }
        requireText(secretAccessKey, "secretAccessKey");
        requireText(region, "region");
        Objects.requireNonNull(profile, "profile");
    }

    /** @return in memory, free ports, default credentials and region */
    public static LocalCloudOptions defaults() {
        return builder().build();
    }

    /** @return a builder starting from {@link #defaults()} */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder starting from these options */
    public Builder toBuilder() {
        return new Builder()
                .dataDirectory(dataDirectory)
                .dynamoDbPort(dynamoDbPort)
                .s3Port(s3Port)
                .credentials(accessKeyId, secretAccessKey)
                .region(region)
                .profile(profile);
    }

    /** @return whether nothing is written to disk */
    public boolean inMemory() {
        return dataDirectory == null;
    }

    private static void checkPort(int port, String name) {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException(name + " must be 0 (free port) or 1-65535, was " + port);
        }
    }

    private static void requireText(String value, String name) {
        if (Objects.requireNonNull(value, name).isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }

    /** Builds {@link LocalCloudOptions}; every setting starts at its default. */
    public static final class Builder {
        private Path dataDirectory;
        private int dynamoDbPort;
        private int s3Port;
        private String accessKeyId = DEFAULT_ACCESS_KEY_ID;
        private String secretAccessKey = DEFAULT_SECRET_ACCESS_KEY;
        private String region;
        private CloudProfile profile = CloudProfile.AWS;

        private Builder() {
        }

        /**
         * @param dataDirectory where data persists (created if missing); null for in memory
         * @return this builder
         */
        public Builder dataDirectory(Path dataDirectory) {
            this.dataDirectory = dataDirectory;
            return this;
        }

        /**
         * @param port a fixed port for DynamoDB Local, or 0 for a free one
         * @return this builder
         */
        public Builder dynamoDbPort(int port) {
            this.dynamoDbPort = port;
            return this;
        }

        /**
         * @param port a fixed port for S3Proxy, or 0 for a free one
         * @return this builder
         */
        public Builder s3Port(int port) {
            this.s3Port = port;
            return this;
        }

        /**
         * @param accessKeyId the access key the engines accept
         * @param secretAccessKey its secret
         * @return this builder
         */
        public Builder credentials(String accessKeyId, String secretAccessKey) {
            this.accessKeyId = accessKeyId;
            this.secretAccessKey = secretAccessKey;
            return this;
        }

        /**
         * @param region the region to sign for
         * @return this builder
         */
        public Builder region(String region) {
            this.region = region;
            return this;
        }

        /**
         * @param profile which cloud the engines play; its region is the default one
         * @return this builder
         */
        public Builder profile(CloudProfile profile) {
            this.profile = profile;
            return this;
        }

        /** @return the options */
        public LocalCloudOptions build() {
            return new LocalCloudOptions(dataDirectory, dynamoDbPort, s3Port, accessKeyId, secretAccessKey,
                    region != null ? region : profile.defaultRegion(), profile);
        }
    }
}
