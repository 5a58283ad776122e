package ru.rossgram.shared.posts;

import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import ru.rossgram.shared.accounts.Account;
import ru.rossgram.shared.accounts.AccountRepository;
import ru.rossgram.shared.engagement.LikeRepository;
import ru.rossgram.shared.media.MediaStore;
import ru.rossgram.shared.media.PhotoRecord;

/**
 * Turns a stored post into what a given reader may see, with download URLs for its thumbnails and whether the
 * reader likes it. A post whose {@code likeCount} was 0 when read is liked by nobody (the count moves in the
 * like's own transaction), so only posts with likes cost a lookup of the reader's like.
 */
@Singleton
public class PostViews {
    private final AccountRepository accounts;
    private final MediaStore media;
    private final LikeRepository likes;

    public PostViews(AccountRepository accounts, MediaStore media, LikeRepository likes) {
        this.accounts = accounts;
        this.media = media;
        this.likes = likes;
    }

    /** The post as {@code viewerId} sees it: a failure reason only for its author; one read of the viewer's like. */
    public PostView of(Post post, String viewerId) {
        boolean liked = post.likeCount() > 0 && likes.likes(viewerId, post.postId());
        return view(post, post.isAuthor(viewerId), liked);
    }

    /**
     * Several posts as {@code viewerId} sees them, in the same order: their authors and the viewer's likes come
     * from one BatchGet each.
     */
    public List<PostView> of(List<Post> posts, String viewerId) {
        Set<String> liked = likes.likedAmong(viewerId,
                posts.stream().filter(post -> post.likeCount() > 0).map(Post::postId).toList());
        Map<String, Account> authors = accounts.findAllById(posts.stream().map(Post::authorId).toList());
        return posts.stream().map(post -> view(post, author(post, Optional.ofNullable(authors.get(post.authorId()))),
                post.isAuthor(viewerId), liked.contains(post.postId()))).toList();
    }

    /**
     * The post as its author sees it ({@code forAuthor}), or as a reader who does not like it. For the author's
     * own answers (create, edit); readers' views go through {@link #of(Post, String)}.
     */
    public PostView of(Post post, boolean forAuthor) {
        return forAuthor ? of(post, post.authorId()) : view(post, false, false);
    }

    /**
     * The post as {@code viewerId} sees it, from what the caller has read already (a feed page reads authors
     * and likes in the same batch as the posts).
     *
     * @param author the author's account, or null if it no longer exists
     */
    public PostView of(Post post, Account author, boolean likedByMe, String viewerId) {
        return view(post, author(post, Optional.ofNullable(author)), post.isAuthor(viewerId), likedByMe);
    }

    private PostView view(Post post, boolean forAuthor, boolean likedByMe) {
        return view(post, author(post, accounts.findById(post.authorId()).map(AccountRepository.StoredAccount::account)),
                forAuthor, likedByMe);
    }

    private static PostView.Author author(Post post, Optional<Account> account) {
        return account.map(found -> new PostView.Author(post.authorId(), found.username(), found.displayName()))
                .orElse(new PostView.Author(post.authorId(), null, null));
    }

    private PostView view(Post post, PostView.Author author, boolean forAuthor, boolean likedByMe) {
        List<PostView.PhotoView> photos = post.photos().stream().map(this::photo).toList();
        return new PostView(post.postId(), author, post.caption(), post.hashtags(), post.mentions(), post.location(),
                post.status().wire(), forAuthor ? post.failureReason() : null, post.createdAt(), post.publishedAt(),
                post.likeCount(), post.commentCount(), likedByMe, photos);
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
