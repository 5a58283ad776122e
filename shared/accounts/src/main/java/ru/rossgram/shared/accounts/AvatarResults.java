package ru.rossgram.shared.accounts;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import ru.rossgram.shared.dynamo.Contention;
import ru.rossgram.shared.dynamo.TransactionWriter;
import ru.rossgram.shared.media.PhotoRecord;
import ru.rossgram.shared.problem.ProblemException;
import ru.rossgram.shared.uploads.Upload;
import ru.rossgram.shared.uploads.UploadPurpose;
import ru.rossgram.shared.uploads.UploadRepository;
import ru.rossgram.shared.uploads.UploadStatus;

/**
 * Where the thumbnail function reports a processed avatar upload: the upload is marked ready and, in the
 * same transaction, becomes its owner's profile picture, unless a newer avatar upload got there first.
 * Safe to call again for the same upload: the first outcome stands. (A refused avatar is reported like any
 * refused photo, through {@code PhotoResults.recordRejected}.)
 */
@Singleton
public class AvatarResults {
    private static final int ATTEMPTS = 5;
    static final String SUPERSEDED_REASON = "A newer avatar upload replaced this one.";

    private final UploadRepository uploads;
    private final AccountRepository accounts;
    private final TransactionWriter transactions;
    private final Clock clock;

    public AvatarResults(UploadRepository uploads, AccountRepository accounts, TransactionWriter transactions, Clock clock) {
        this.uploads = uploads;
        this.accounts = accounts;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** What a report did; {@code replaced} is the avatar this one took over from, whose objects nothing uses any more. */
    public record Result(Outcome outcome, Avatar replaced) {
    }

    public enum Outcome {
        /** The upload is the profile picture now; the one it replaced, if any, is in {@link Result#replaced()}. */
        AVATAR_SET,
        /**
         * A newer avatar upload is already the profile picture (or the account is gone): this upload is recorded
         * as rejected for that reason, and its objects are the caller's to delete.
         */
        SUPERSEDED,
        /** An outcome was already recorded for this upload (a repeated event); nothing changed. */
        ALREADY_RECORDED,
        /** No such upload any more (expired unused): the caller should delete what it wrote. */
        UPLOAD_GONE
    }

    /**
     * @throws IllegalArgumentException when the upload is not an avatar upload
     * @throws ProblemException 503 {@code busy} when contention outlasts every retry
     */
    public Result recordReady(String uploadId, PhotoRecord photo) {
        return Contention.retry(ATTEMPTS, "Avatar results are contending; retry shortly.", () -> {
            Optional<Upload> found = uploads.find(uploadId);
            if (found.isEmpty() || found.get().expiredAt(clock.instant())) {
                return Optional.of(new Result(Outcome.UPLOAD_GONE, null));
            }
            Upload upload = found.get();
            if (upload.purpose() != UploadPurpose.AVATAR) {
                throw new IllegalArgumentException("upload " + uploadId + " is for a post, not an avatar");
            }
            if (upload.status() != UploadStatus.PENDING) {
                return Optional.of(new Result(Outcome.ALREADY_RECORDED, null));
            }
            var markReady = uploads.markReadyItem(upload, photo, clock.instant());
            Optional<Account> owner = accounts.findById(upload.ownerId()).map(AccountRepository.StoredAccount::account);
            Avatar current = owner.map(Account::avatar).orElse(null);
            // Upload ids are ULIDs: a greater id is a later upload, and the later upload wins.
            boolean newer = current == null || current.uploadId().compareTo(uploadId) < 0;
            if (owner.isEmpty() || !newer) {
                // Its thumbnails will be deleted: record why, rather than a result that points at nothing.
                var superseded = uploads.markRejectedItem(upload, SUPERSEDED_REASON, clock.instant());
                return transactions.write(List.of(superseded)).isEmpty()
                        ? Optional.of(new Result(Outcome.SUPERSEDED, null)) : Optional.empty();
            }
            Avatar avatar = new Avatar(uploadId, photo);
            if (transactions.write(List.of(markReady, accounts.setAvatarItem(upload.ownerId(), avatar, current))).isEmpty()) {
                return Optional.of(new Result(Outcome.AVATAR_SET, current));
            }
            return Optional.empty(); // the upload or the profile changed meanwhile (another delivery, another avatar)
        });
    }
}
