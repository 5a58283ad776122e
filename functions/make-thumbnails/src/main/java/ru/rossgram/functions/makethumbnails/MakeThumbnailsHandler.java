package ru.rossgram.functions.makethumbnails;

import io.micronaut.context.ApplicationContextBuilder;
import jakarta.inject.Inject;
import ru.rossgram.shared.events.StorageEventFunction;
import ru.rossgram.thumbnails.PhotoProcessor;

/**
 * S3 {@code ObjectCreated} on {@code originals/} and {@code avatars/}: makes the photo's thumbnails and
 * records the outcome. Storage or database faults throw, so the platform retries the event; images it
 * refuses are recorded as rejected and not retried.
 */
public class MakeThumbnailsHandler extends StorageEventFunction {
    @Inject
    PhotoProcessor processor;

    public MakeThumbnailsHandler() {
    }

    public MakeThumbnailsHandler(ApplicationContextBuilder contextBuilder) {
        super(contextBuilder);
    }

    @Override
    protected Object handle(String bucket, String key) {
        return processor.process(bucket, key);
    }
}
