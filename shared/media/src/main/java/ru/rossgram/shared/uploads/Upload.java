package ru.rossgram.shared.uploads;

import java.time.Instant;
import ru.rossgram.shared.media.PhotoRecord;

/**
 * One photo upload as stored: who may use it, where its object is, what was declared, and how far it got.
 *
 * @param expiresAt       when an unused upload is forgotten; null once a post took it (it then lives as the post)
 * @param postId          the post it belongs to, null until one takes it
 * @param photoIndex      its position among the post's photos, null until a post takes it
 * @param photo           the processing result, once {@link UploadStatus#READY}
 * @param rejectionReason why processing refused it, once {@link UploadStatus#REJECTED}
 */
public record Upload(
        String uploadId,
        String ownerId,
        UploadPurpose purpose,
        String objectKey,
        String contentType,
        long contentLength,
        UploadStatus status,
        Instant createdAt,
        Instant expiresAt,
        String postId,
        Integer photoIndex,
        PhotoRecord photo,
        String rejectionReason) {

    /** Unused and past its retention: treated as gone even if TTL has not removed it yet. */
    public boolean expiredAt(Instant now) {
        return postId == null && expiresAt != null && !now.isBefore(expiresAt);
    }
}
