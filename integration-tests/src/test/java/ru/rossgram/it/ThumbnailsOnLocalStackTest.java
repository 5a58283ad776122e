package ru.rossgram.it;

import org.junit.jupiter.api.BeforeAll;
import org.testcontainers.containers.localstack.LocalStackContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * The thumbnails contract against LocalStack, where a Docker engine answers; skipped where there is none. The
 * contract sends its own storage events, so LocalStack's notifications are not involved; LocalStack offers no
 * hook into a store in progress, so the one test that needs it is skipped here.
 */
@Testcontainers(disabledWithoutDocker = true)
class ThumbnailsOnLocalStackTest extends ThumbnailsContract {
    @Container
    static final LocalStackContainer LOCALSTACK = LocalStackBackend.container();

    private Backend backend;

    @BeforeAll
    void deployTemplate() {
        backend = LocalStackBackend.deploy(LOCALSTACK);
    }

    @Override
    protected Backend backend() {
        return backend;
    }

    @Override
    protected boolean whenStored(String keyPrefix, Runnable action) {
        return false;
    }
}
