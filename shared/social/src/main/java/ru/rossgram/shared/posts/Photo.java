package ru.rossgram.shared.posts;

import ru.rossgram.shared.media.PhotoRecord;

/**
 * One photo of a post.
 *
 * @param altText "" for none
 * @param result  the processing result, null until the photo is ready
 */
public record Photo(String uploadId, String altText, PhotoRecord result) {
}
