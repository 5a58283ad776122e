package ru.rossgram.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import ru.rossgram.it.ApiDriver.Reply;
import ru.rossgram.shared.activity.Activity;
import ru.rossgram.shared.activity.ActivityKind;
import ru.rossgram.shared.activity.ActivityRepository;
import ru.rossgram.shared.activity.MentionNotices;
import ru.rossgram.shared.posts.PostRepository;

/**
 * The activity items that likes, comments and captions write, end to end through the real routes, handlers and
 * the fan-out function (which notifies a caption's mentions), each inbox read as its page reads it
 * ({@link ActivityRepository#newest}: gsi1, newest first).
 */
abstract class ActivityWritesContract extends Contract {
    protected ActivityWritesContract() {
        super("CreatePostFunction", Map.of());
    }

    // --- fixtures -------------------------------------------------------------------------------------------

    private User signUp() {
        return hosts.signUp("act");
    }

    private String publishedPost(User author, String caption) {
        return hosts.publishedPost(author, "\"caption\": \"" + caption + "\"");
    }

    /** The owner's inbox, newest first, as its page reads it. */
    private List<Activity> inbox(User owner) {
        return hosts.services().get(ActivityRepository.class).newest(owner.id(), null, 50).items();
    }

    /** The owner's inbox as {@code kind subject by actor} lines, newest first. */
    private List<String> lines(User owner) {
        return inbox(owner).stream().map(a -> a.kind().wire() + " " + a.subject() + " by " + a.actorId()).toList();
    }

    private static String line(ActivityKind kind, String subject, User actor) {
        return kind.wire() + " " + subject + " by " + actor.id();
    }

    private static String commented(Reply reply) {
        assertEquals(201, reply.status(), reply.body());
        return reply.json().path("id").asText();
    }

    private static void ok(Reply reply) {
        assertTrue(reply.status() / 100 == 2, reply.status() + " " + reply.body());
    }

    private static String mentioning(User... users) {
        return java.util.Arrays.stream(users).map(u -> "@" + u.username()).collect(Collectors.joining(" "));
    }

    // --- likes ----------------------------------------------------------------------------------------------

    @Test
    void aLike_notifiesTheAuthorOnce_howeverOftenRepeated_andTheAuthorsOwnLikeNobody() {
        User author = signUp();
        User fan = signUp();
        String postId = publishedPost(author, "Утро");

        for (int i = 0; i < 3; i++) {
            ok(fan.like(postId));
        }
        ok(author.like(postId));

        List<Activity> items = inbox(author);
        assertEquals(1, items.size(), items.toString());
        Activity likes = items.get(0);
        assertEquals(ActivityKind.LIKE, likes.kind());
        assertEquals(postId, likes.postId());
        assertEquals(1, likes.likes(), "the author's own like is not news to the author");
        assertEquals(List.of(fan.id()), likes.recentActorIds());
        assertEquals(List.of(), inbox(fan));
    }

    @Test
    void likers_areAggregatedNewestFirst_withTheCount_andUnlikesTakeThemOff_untilTheItemIsGone() {
        User author = signUp();
        List<User> fans = List.of(signUp(), signUp(), signUp(), signUp());
        String postId = publishedPost(author, "Закат");
        List<String> activityIds = new ArrayList<>();
        for (User fan : fans) {
            ok(fan.like(postId));
            activityIds.add(inbox(author).get(0).activityId());
        }

        Activity likes = inbox(author).get(0);
        assertEquals(4, likes.likes());
        assertEquals(List.of(fans.get(3).id(), fans.get(2).id(), fans.get(1).id()), likes.recentActorIds());
        assertEquals(fans.get(3).id(), likes.actorId());
        assertEquals(activityIds.stream().sorted().distinct().toList(), activityIds, "each like moves it to the top");

        ok(fans.get(0).unlike(postId));
        assertEquals(3, inbox(author).get(0).likes());
        for (User fan : fans.subList(1, 4)) {
            ok(fan.unlike(postId));
            ok(fan.unlike(postId)); // repeated: takes nothing more off
        }
        assertEquals(List.of(), inbox(author), "an item with no likes left is not shown");

        ok(fans.get(2).like(postId));
        likes = inbox(author).get(0);
        assertEquals(1, likes.likes());
        assertEquals(fans.get(2).id(), likes.recentActorIds().get(0));
    }

    // --- comments -------------------------------------------------------------------------------------------

    @Test
    void comments_notifyThePostsAuthor_repliesTheRepliedAuthor_andNeverTheCommenter() {
        User author = signUp();
        User fan = signUp();
        User other = signUp();
        String postId = publishedPost(author, "Суздаль");

        String byAuthor = commented(author.comment(postId, "Спасибо, что зашли"));
        assertEquals(List.of(), lines(author), "one's own comment notifies nobody");

        String byFan = commented(fan.comment(postId, "Красота!"));
        Activity comment = inbox(author).get(0);
        assertEquals(line(ActivityKind.COMMENT, byFan, fan), lines(author).get(0));
        assertEquals(postId, comment.postId());
        assertEquals(byFan, comment.commentId());
        assertEquals("Красота!", comment.text());

        Reply answer = other.commentReplying(postId, byFan, "Согласен");
        String byOther = commented(answer);
        assertEquals(byFan, answer.json().path("replyTo").asText());
        assertEquals(List.of(line(ActivityKind.REPLY, byOther, other)), lines(fan));
        assertEquals(line(ActivityKind.COMMENT, byOther, other), lines(author).get(0));

        // A reply to the post's author's comment is a reply to the author, not also a comment.
        String toAuthor = commented(fan.commentReplying(postId, byAuthor, "И вам"));
        assertEquals(line(ActivityKind.REPLY, toAuthor, fan), lines(author).get(0));
        assertEquals(3, lines(author).size(), lines(author).toString());

        // Answering oneself tells the post's author of a comment, and the replier nothing.
        String ownThread = commented(fan.commentReplying(postId, byFan, "И ещё"));
        assertEquals(line(ActivityKind.COMMENT, ownThread, fan), lines(author).get(0));
        assertEquals(1, lines(fan).size(), lines(fan).toString());

        Map<String, String> repliesTo = new java.util.HashMap<>();
        fan.comments(postId, "").json().path("items").forEach(c -> repliesTo.put(c.path("id").asText(),
                c.path("replyTo").asText("none")));
        assertEquals(Map.of(byAuthor, "none", byFan, "none", byOther, byFan, toAuthor, byAuthor, ownThread, byFan), repliesTo);
    }

    @Test
    void aReplyTo_aCommentThePostDoesNotHave_isRefused_namingReplyTo() {
        User author = signUp();
        String postId = publishedPost(author, "Один");
        String elsewhere = commented(author.comment(publishedPost(author, "Другой"), "там"));
        for (String replyTo : List.of(elsewhere, "01JD4B7M2K9QH3V5X8Z0C6N1TR", "nope")) {
            Reply refused = author.commentReplying(postId, replyTo, "ответ");
            assertEquals(400, refused.status(), replyTo + ": " + refused.body());
            assertEquals("invalid-request", refused.problemType());
            assertEquals("replyTo", refused.json().at("/errors/0/field").asText());
        }
        assertEquals(0, author.post(postId).path("commentCount").asLong());
    }

    @Test
    void commentMentions_reachWhoMaySeeThePost_andNobodyBlockedEitherWay() {
        User author = signUp();
        User fan = signUp();
        User friend = signUp();
        User blocksFan = signUp();
        User blockedByFan = signUp();
        String postId = publishedPost(author, "Москва");
        ok(blocksFan.put("block", fan));
        ok(fan.put("block", blockedByFan));

        String commentId = commented(fan.comment(postId, "Смотри, " + mentioning(friend, blocksFan, blockedByFan, fan, author)
                + " и @nobody_is_called_this"));

        assertEquals(List.of(line(ActivityKind.MENTION, commentId, fan)), lines(friend));
        assertEquals(List.of(), lines(blocksFan));
        assertEquals(List.of(), lines(blockedByFan));
        assertEquals(List.of(), lines(fan));
        assertEquals(List.of(line(ActivityKind.COMMENT, commentId, fan)), lines(author), "a comment, not also a mention");

        // A private account's post: only its followers may see it, so only they are told of a mention on it.
        User closed = signUp();
        User follower = signUp();
        User outsider = signUp();
        assertEquals("following", follower.followed(closed));
        assertEquals("following", fan.followed(closed));
        String closedPost = publishedPost(closed, "Для своих");
        closed.makePrivate(true);
        String onClosed = commented(fan.comment(closedPost, mentioning(follower, outsider)));
        assertEquals(List.of(line(ActivityKind.MENTION, onClosed, fan)), lines(follower));
        assertEquals(List.of(), lines(outsider));
    }

    @Test
    void aComment_notifiesItsFirstTenMentions_only() {
        User author = signUp();
        User fan = signUp();
        List<User> mentioned = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            mentioned.add(signUp());
        }
        String postId = publishedPost(author, "Толпа");
        String commentId = commented(fan.comment(postId, mentioning(mentioned.toArray(User[]::new))));
        for (int i = 0; i < 11; i++) {
            assertEquals(i < 10 ? List.of(line(ActivityKind.MENTION, commentId, fan)) : List.of(), lines(mentioned.get(i)),
                    "mention " + i);
        }
    }

    @Test
    void deletingAComment_takesItsNoticesWithIt() {
        User author = signUp();
        User fan = signUp();
        User other = signUp();
        User friend = signUp();
        String postId = publishedPost(author, "Сад");
        String byFan = commented(fan.comment(postId, "Первый"));
        String reply = commented(other.commentReplying(postId, byFan, "Привет " + mentioning(friend)));
        assertEquals(1, lines(fan).size());
        assertEquals(1, lines(friend).size());
        assertEquals(2, lines(author).size());

        assertEquals(204, other.deleteComment(postId, reply).status());
        assertEquals(List.of(), lines(fan));
        assertEquals(List.of(), lines(friend));
        assertEquals(List.of(line(ActivityKind.COMMENT, byFan, fan)), lines(author));

        assertEquals(204, author.deleteComment(postId, byFan).status(), "the post's author moderates");
        assertEquals(List.of(), lines(author));
    }

    // --- captions and deleted posts ---------------------------------------------------------------------------

    @Test
    void captionMentions_areNotifiedOnPublish_onceHoweverOftenRetried_andFollowEdits() throws Exception {
        User author = signUp();
        User friend = signUp();
        User later = signUp();
        User blockedByAuthor = signUp();
        User blocksAuthor = signUp();
        ok(author.put("block", blockedByAuthor));
        ok(blocksAuthor.put("block", author));
        String postId = publishedPost(author,
                "Гуляем " + mentioning(friend, blockedByAuthor, blocksAuthor, author));
        hosts.deliverFanOutTasks(hosts.shared());

        assertEquals(List.of(line(ActivityKind.MENTION, postId, author)), lines(friend));
        Activity mention = inbox(friend).get(0);
        assertEquals(postId, mention.postId());
        assertTrue(mention.text().startsWith("Гуляем @"), mention.text());
        assertEquals(List.of(), lines(blockedByAuthor));
        assertEquals(List.of(), lines(blocksAuthor));
        assertEquals(List.of(), lines(author));

        // The fan-out's first step may run again: the same item, not a second one.
        var post = hosts.services().get(PostRepository.class).find(postId).orElseThrow();
        hosts.services().get(MentionNotices.class).published(post);
        assertEquals(List.of(mention), inbox(friend));

        Reply edited = author.send("PATCH", "/v1/posts/" + postId, "{\"caption\": \"Гуляем с " + mentioning(later) + "\"}");
        assertEquals(200, edited.status(), edited.body());
        assertEquals(List.of(), lines(friend), "a mention the edit dropped is taken back");
        assertEquals(List.of(line(ActivityKind.MENTION, postId, author)), lines(later));
    }

    @Test
    void deletingAPost_takesItsLikesCommentsAndMentionsOffEveryInbox() {
        User author = signUp();
        User fan = signUp();
        User friend = signUp();
        User other = signUp();
        String postId = publishedPost(author, "Скоро удалю " + mentioning(friend));
        String keep = publishedPost(author, "Останется");
        hosts.deliverFanOutTasks(hosts.shared());
        ok(fan.like(postId));
        ok(fan.like(keep));
        String byFan = commented(fan.comment(postId, "Жаль " + mentioning(other)));
        commented(other.commentReplying(postId, byFan, "Да"));
        assertEquals(1, lines(friend).size());
        assertEquals(1, lines(other).size());
        assertEquals(1, lines(fan).size());
        assertEquals(4, lines(author).size(), lines(author).toString());

        assertEquals(204, author.send("DELETE", "/v1/posts/" + postId, null).status());
        assertEquals(List.of(), lines(friend));
        assertEquals(List.of(), lines(other));
        assertEquals(List.of(), lines(fan));
        assertEquals(List.of("like " + keep + " by " + fan.id()), lines(author));
    }
}
