package ru.rossgram.shared.uploads;

import java.net.URI;
import java.time.Instant;
import java.util.Map;

/**
 * An upload as its owner sees it while waiting for processing: {@code status} is {@code pending},
 * {@code ready} (with {@code photo}) or {@code rejected} (with {@code rejectionReason}).
 *
 * @param postId the post that took the upload, or null
 */
public record UploadView(
        String uploadId,
        String purpose,
        String status,
        String contentType,
        long contentLength,
        Instant createdAt,
        String postId,
        String rejectionReason,
        PhotoView photo) {

    /** The processed photo; {@code urls} maps rendition names to download URLs. */
    public record PhotoView(int width, int height, String dominantColor, String placeholder, Map<String, URI> urls) {
    }
}
