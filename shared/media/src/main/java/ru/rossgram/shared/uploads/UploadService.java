package ru.rossgram.shared.uploads;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import ru.rossgram.shared.auth.Caller;
import ru.rossgram.shared.config.IdGenerator;
import ru.rossgram.shared.media.MediaKeys;
import ru.rossgram.shared.media.MediaStore;
import ru.rossgram.shared.media.PhotoRecord;
import ru.rossgram.shared.media.PresignedUpload;
import ru.rossgram.shared.problem.ProblemException;
import ru.rossgram.shared.problem.ProblemType;

/**
 * Issues upload URLs: the server picks each object's key, records the upload (so the storage event can be
 * traced to its owner), and signs a PUT bound to the declared type and length.
 */
@Singleton
public class UploadService {
    private final UploadRepository uploads;
    private final MediaStore media;
    private final UploadConfig config;
    private final IdGenerator ids;
    private final Clock clock;

    public UploadService(UploadRepository uploads, MediaStore media, UploadConfig config, IdGenerator ids, Clock clock) {
        this.uploads = uploads;
        this.media = media;
        this.config = config;
        this.ids = ids;
        this.clock = clock;
    }

    /**
     * @throws ProblemException 400 for missing or malformed fields; 422 {@code unsupported-image-type},
     *         {@code upload-too-large}, {@code too-many-photos}
     */
    public IssuedUploads issue(Caller caller, UploadRequest request) {
        UploadPurpose purpose = UploadRules.purpose(request.purpose());
        String contentType = UploadRules.contentType(request.contentType());
        long contentLength = UploadRules.contentLength(request.contentLength(), config.maxBytes());
        int count = UploadRules.count(request.count(), purpose);

        Instant now = clock.instant();
        List<Upload> issued = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String uploadId = ids.newId();
            String key = purpose.forPost()
                    ? MediaKeys.originalKey(caller.userId(), uploadId)
                    : MediaKeys.avatarKey(caller.userId(), uploadId);
            issued.add(new Upload(uploadId, caller.userId(), purpose, key, contentType, contentLength,
                    UploadStatus.PENDING, now, now.plus(config.retention()), null, null, null, null));
        }
        uploads.create(issued); // before any URL exists, so every object that can arrive has its record

        List<UploadTicket> tickets = new ArrayList<>();
        for (Upload upload : issued) {
            PresignedUpload put = media.presignPut(upload.objectKey(), contentType, contentLength, config.urlTtl());
            tickets.add(new UploadTicket(upload.uploadId(), "PUT", put.url(), put.headers(), put.expiresAt()));
        }
        return new IssuedUploads(tickets);
    }

    /**
     * The caller's own upload and how far its processing got: what an app polls after sending an avatar.
     *
     * @throws ProblemException 404 when there is no such upload of the caller's (or it expired unused)
     */
    public UploadView find(Caller caller, String uploadId) {
        Upload upload = (IdGenerator.isWellFormed(uploadId) ? uploads.find(uploadId) : Optional.<Upload>empty())
                .filter(u -> u.ownerId().equals(caller.userId()) && !u.expiredAt(clock.instant()))
                .orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND, "No such upload of yours."));
        PhotoRecord photo = upload.photo();
        UploadView.PhotoView photoView = photo == null ? null : new UploadView.PhotoView(photo.width(), photo.height(),
                photo.dominantColor(), photo.placeholder(), media.thumbnailUrls(photo));
        return new UploadView(upload.uploadId(), upload.purpose().wire(), upload.status().wire(), upload.contentType(),
                upload.contentLength(), upload.createdAt(), upload.postId(), upload.rejectionReason(), photoView);
    }
}
