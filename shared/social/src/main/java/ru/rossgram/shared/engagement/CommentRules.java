package ru.rossgram.shared.engagement;

import ru.rossgram.shared.config.IdGenerator;
import ru.rossgram.shared.problem.ProblemException;
import ru.rossgram.shared.text.TextRules;
import ru.rossgram.shared.problem.ProblemType;

/** Shape rules for comments. */
final class CommentRules {
    static final int TEXT_MAX = 2200;

    private CommentRules() {
    }

    /**
     * @return the text without surrounding white space, line breaks as {@code \n}
     * @throws ProblemException 400 naming {@code text}: missing, blank, over 2200 characters, or with control
     *         characters other than line breaks
     */
    static String text(String text) {
        if (text == null) {
            throw ProblemException.invalid("text", "required");
        }
        String value = TextRules.multiLine("text", text).strip();
        int length = value.codePointCount(0, value.length());
        if (length == 0 || length > TEXT_MAX) {
            throw ProblemException.invalid("text", "1 to " + TEXT_MAX + " characters");
        }
        return value;
    }

    /** @throws ProblemException 404 for anything that cannot be a comment id */
    static String commentId(String commentId) {
        if (!IdGenerator.isWellFormed(commentId)) {
            throw notFound();
        }
        return commentId;
    }

    /** @throws ProblemException 400 naming {@code replyTo} for anything that cannot be a comment id */
    static String replyTo(String commentId) {
        if (!IdGenerator.isWellFormed(commentId)) {
            throw noSuchReplyTo();
        }
        return commentId;
    }

    /** The answer for a {@code replyTo} that names no comment of the post. */
    static ProblemException noSuchReplyTo() {
        return ProblemException.invalid("replyTo", "the id of a comment of this post");
    }

    static ProblemException notFound() {
        return new ProblemException(ProblemType.NOT_FOUND, "No such comment.");
    }
}
