package ru.rossgram.it;

import org.junit.jupiter.api.BeforeAll;
import org.testcontainers.containers.localstack.LocalStackContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * The same photos contract against LocalStack, where a Docker engine answers; skipped cleanly
 * (not failed) where there is none, as on our machines and CI.
 */
@Testcontainers(disabledWithoutDocker = true)
class PhotosOnLocalStackTest extends PhotosContract {
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
}
