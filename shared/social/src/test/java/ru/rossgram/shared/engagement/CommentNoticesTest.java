package ru.rossgram.shared.engagement;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import ru.rossgram.shared.activity.ActivityKey;
import ru.rossgram.shared.activity.ActivityKind;

/** Whom a stored comment notified: what its delete removes. */
class CommentNoticesTest {
    private static final String ID = "01JD4C2T6W8Y0A3C5E7G9J1M3P";

    private static Comment comment(String author, String replyToAuthor, String postAuthor, List<String> mentioned) {
        return new Comment(ID, "01JD4B7M2K9QH3V5X8Z0C6N1TR", author, "text", Instant.EPOCH,
                replyToAuthor == null ? null : "01JD4C2T6W8Y0A3C5E7G9J1M30", replyToAuthor, postAuthor, mentioned);
    }

    private static ActivityKey key(String recipient, ActivityKind kind) {
        return new ActivityKey(recipient, kind, ID);
    }

    @Test
    void aComment_tellsThePostsAuthor_andEachMentionedAccount() {
        assertEquals(List.of(key("author", ActivityKind.COMMENT), key("anna", ActivityKind.MENTION)),
                CommentNotices.keys(comment("fan", null, "author", List.of("anna"))));
    }

    @Test
    void aReply_tellsTheRepliedAuthor_andThePostsAuthorAsAReplyWhenTheyAreOne() {
        assertEquals(List.of(key("author", ActivityKind.COMMENT), key("anna", ActivityKind.REPLY)),
                CommentNotices.keys(comment("fan", "anna", "author", List.of())));
        assertEquals(List.of(key("author", ActivityKind.REPLY)),
                CommentNotices.keys(comment("fan", "author", "author", List.of())));
    }

    @Test
    void theCommenter_isNeverTold_ofTheirOwnCommentReplyOrMention() {
        assertEquals(List.of(), CommentNotices.keys(comment("author", "author", "author", List.of("author"))));
        assertEquals(List.of(key("author", ActivityKind.COMMENT)),
                CommentNotices.keys(comment("fan", "fan", "author", List.of("fan"))));
    }

    @Test
    void aCommentFromBeforeInboxes_toldNobody() {
        assertEquals(List.of(), CommentNotices.keys(comment("fan", null, null, List.of())));
    }
}
