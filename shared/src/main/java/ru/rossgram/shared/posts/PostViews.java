package ru.rossgram.shared.posts;

import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import ru.rossgram.shared.accounts.AccountRepository;
import ru.rossgram.shared.media.MediaStore;
import ru.rossgram.shared.media.PhotoRecord;

/** Turns a stored post into what a given reader may see, with download URLs for its thumbnails. */
@Singleton
public class PostViews {
    private final AccountRepository accounts;
    private final MediaStore media;

    public PostViews(AccountRepository accounts, MediaStore media) {
        this.accounts = accounts;
        this.media = media;
    }

    /** @param forAuthor whether the reader wrote the post (only then is a failure reason shown) */
    public PostView of(Post post, boolean forAuthor) {
        PostView.Author author = accounts.findById(post.authorId())
                .map(stored -> new PostView.Author(post.authorId(), stored.account().username(), stored.account().displayName()))
                .orElse(new PostView.Author(post.authorId(), null, null));
        List<PostView.PhotoView> photos = post.photos().stream().map(this::photo).toList();
        return new PostView(post.postId(), author, post.caption(), post.hashtags(), post.mentions(), post.location(),
                post.status().wire(), forAuthor ? post.failureReason() : null, post.createdAt(), post.publishedAt(), photos);
    }

    private PostView.PhotoView photo(Photo photo) {
        String altText = photo.altText().isEmpty() ? null : photo.altText();
        PhotoRecord result = photo.result();
        if (result == null) {
            return new PostView.PhotoView(null, null, null, null, altText, Map.of());
        }
        return new PostView.PhotoView(result.width(), result.height(), result.dominantColor(), result.placeholder(),
                altText, media.thumbnailUrls(result));
    }
}
