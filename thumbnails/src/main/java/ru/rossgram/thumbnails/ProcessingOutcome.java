package ru.rossgram.thumbnails;

/** What one storage event came to; the thumbnail function logs it. */
public enum ProcessingOutcome {
    /** The key is not an upload's original (or not in our bucket): not ours to process. */
    NOT_AN_UPLOAD,
    /** The upload record is gone or expired unused; its orphaned object was deleted. */
    UPLOAD_GONE,
    /** The object is gone (deleted after the event was sent); nothing to do. */
    OBJECT_GONE,
    /** An outcome is already recorded for this upload (a repeated or duplicate event); nothing changed. */
    ALREADY_PROCESSED,
    /**
     * The object is not an image we accept; the upload, and its post if any, record why. An upload in no
     * post has its object deleted (nothing can use it); a post's goes with the post.
     */
    REJECTED,
    /** Thumbnails made and recorded; the post (if any) still waits for other photos, or already failed. */
    PHOTO_READY,
    /** Thumbnails made, and this was the last photo: the post is published. */
    POST_PUBLISHED,
    /** Thumbnails made, and they are the owner's profile picture now. */
    AVATAR_SET,
    /** Thumbnails made, but a newer avatar is already set: the upload is recorded rejected, its objects deleted. */
    AVATAR_SUPERSEDED
}
