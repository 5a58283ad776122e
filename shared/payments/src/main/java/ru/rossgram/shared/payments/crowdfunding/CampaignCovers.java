package ru.rossgram.shared.payments.crowdfunding;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Map;
import ru.rossgram.shared.config.IdGenerator;
import ru.rossgram.shared.media.PhotoRecord;
import ru.rossgram.shared.problem.ProblemException;
import ru.rossgram.shared.problem.ProblemType;
import ru.rossgram.shared.uploads.Upload;
import ru.rossgram.shared.uploads.UploadPurpose;
import ru.rossgram.shared.uploads.UploadRepository;
import ru.rossgram.shared.uploads.UploadStatus;

/**
 * A campaign's cover from the usual upload pipeline: the caller's processed upload of purpose {@code post}, whose
 * photo record is copied into the campaign (as a post copies its photos'). The upload stays free, so the creator may
 * also post it, for instance to share the campaign.
 */
@Singleton
public class CampaignCovers {
    private final UploadRepository uploads;
    private final Clock clock;

    public CampaignCovers(UploadRepository uploads, Clock clock) {
        this.uploads = uploads;
        this.clock = clock;
    }

    /**
     * @throws ProblemException 422 {@code unknown-upload} (missing, expired, someone else's, or not of purpose
     *         {@code post}: a paid post's renditions are locked, an avatar's are not a post photo's),
     *         {@code upload-rejected}; 409 {@code upload-not-processed} while it is still being processed
     */
    public PhotoRecord photoOf(String callerId, String uploadId) {
        Upload upload = IdGenerator.isWellFormed(uploadId) ? uploads.find(uploadId).orElse(null) : null;
        if (upload == null || !upload.ownerId().equals(callerId) || upload.expiredAt(clock.instant())) {
            throw problem(ProblemType.UNKNOWN_UPLOAD, uploadId, "You have no upload '" + ProblemException.quote(uploadId) + "'.");
        }
        if (upload.purpose() != UploadPurpose.POST) {
            throw problem(ProblemType.UNKNOWN_UPLOAD, uploadId, "Upload " + uploadId + " is for a "
                    + upload.purpose().wire() + "; a cover is an upload with purpose post.");
        }
        if (upload.status() == UploadStatus.REJECTED) {
            throw new ProblemException(ProblemType.UPLOAD_REJECTED, "Photo " + uploadId + " could not be processed: "
                    + upload.rejectionReason(), Map.of("uploadId", uploadId, "reason", upload.rejectionReason()));
        }
        if (upload.status() != UploadStatus.READY) {
            throw problem(ProblemType.UPLOAD_NOT_PROCESSED, uploadId, "Photo " + uploadId
                    + " is not processed yet; upload it to its URL, wait until GET /v1/uploads/" + uploadId
                    + " says ready, then retry.");
        }
        return upload.photo();
    }

    private static ProblemException problem(ProblemType type, String uploadId, String detail) {
        return new ProblemException(type, detail, Map.of("uploadId", ProblemException.quote(uploadId)));
    }
}
