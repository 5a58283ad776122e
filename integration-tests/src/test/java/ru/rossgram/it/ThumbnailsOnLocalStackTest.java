package ru.rossgram.it;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The thumbnails contract against LocalStack, where a Docker engine answers; skipped where there is none. The
 * contract sends its own storage events, so LocalStack's notifications are not involved; LocalStack offers no
 * hook into a store in progress, so the one test that needs it is skipped here.
 */
@ExtendWith(LocalStackBackend.class)
class ThumbnailsOnLocalStackTest extends ThumbnailsContract {
    @Override
    protected boolean whenStored(String keyPrefix, Runnable action) {
        return false;
    }
}
