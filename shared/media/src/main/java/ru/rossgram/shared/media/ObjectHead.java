package ru.rossgram.shared.media;

import java.time.Instant;

/** What S3 knows of a stored object without reading it. */
public record ObjectHead(long contentLength, String contentType, Instant lastModified) {
}
