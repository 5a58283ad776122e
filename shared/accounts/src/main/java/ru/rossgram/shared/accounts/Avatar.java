package ru.rossgram.shared.accounts;

import java.util.Objects;
import ru.rossgram.shared.media.PhotoRecord;

/**
 * A profile picture: the avatar upload it came from and the square thumbnails processing made of it.
 * Upload ids are ULIDs, so a later upload sorts after an earlier one; that order decides which of two
 * avatars processed out of order stays.
 */
public record Avatar(String uploadId, PhotoRecord photo) {
    public Avatar {
        Objects.requireNonNull(uploadId, "uploadId");
        Objects.requireNonNull(photo, "photo");
    }
}
