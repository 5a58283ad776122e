package ru.rossgram.shared.posts;

import ru.rossgram.shared.money.Money;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import ru.rossgram.shared.config.IdGenerator;
import ru.rossgram.shared.problem.ProblemException;
import ru.rossgram.shared.text.TextRules;
import ru.rossgram.shared.problem.ProblemType;
import ru.rossgram.shared.subscriptions.CreatorTiers;
import ru.rossgram.shared.uploads.UploadRules;

/** Shape rules for posts' fields; each failure names its field so the app can point at it. */
public final class PostRules {
    static final int CAPTION_MAX = 2200;
    static final int ALT_TEXT_MAX = 1000;
    static final int LOCATION_MAX = 100;
    /** Prices of paid posts, in kopecks: 1 to 100,000 roubles. */
    static final long PRICE_MIN = 100;
    static final long PRICE_MAX = 10_000_000;

    private PostRules() {
    }

    /**
     * @return the upload ids, in order
     * @throws ProblemException 400 for none, a null or a repeated id; 422 {@code too-many-photos}
     */
    static List<String> uploadIds(List<String> uploads) {
        if (uploads == null || uploads.isEmpty()) {
            throw ProblemException.invalid("uploads", "at least one upload id");
        }
        if (uploads.size() > UploadRules.MAX_PHOTOS_PER_POST) {
            throw UploadRules.tooManyPhotos(uploads.size());
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < uploads.size(); i++) {
            if (uploads.get(i) == null) {
                throw ProblemException.invalid("uploads[" + i + "]", "required");
            }
            if (!seen.add(uploads.get(i))) {
                throw ProblemException.invalid("uploads[" + i + "]", "the same upload twice");
            }
        }
        return List.copyOf(uploads);
    }

    /** @return the caption without surrounding white space; "" for none */
    static String caption(String caption) {
        if (caption == null) {
            return "";
        }
        String value = TextRules.multiLine("caption", caption).strip();
        if (value.codePointCount(0, value.length()) > CAPTION_MAX) {
            throw ProblemException.invalid("caption", "at most " + CAPTION_MAX + " characters");
        }
        return value;
    }

    /** A caption brought over from elsewhere, made to fit: {@code cut} when it had to be shortened. */
    public record FittedCaption(String text, boolean cut) {
    }

    /**
     * An imported caption as a post can hold it, never refused (the author cannot be asked to fix it): line breaks
     * kept as {@code \n}, other control characters dropped, white space around stripped, and anything past
     * {@value #CAPTION_MAX} code points cut off, never inside a surrogate pair.
     */
    public static FittedCaption importedCaption(String caption) {
        if (caption == null) {
            return new FittedCaption("", false);
        }
        String value = caption.replace("\r\n", "\n").codePoints()
                .filter(c -> !Character.isISOControl(c) || c == '\n')
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString().strip();
        if (value.codePointCount(0, value.length()) <= CAPTION_MAX) {
            return new FittedCaption(value, false);
        }
        return new FittedCaption(value.substring(0, value.offsetByCodePoints(0, CAPTION_MAX)).strip(), true);
    }

    /**
     * @return one alt text per photo, "" where there is none
     * @throws ProblemException 400 when not one per photo, or one is too long
     */
    static List<String> altTexts(List<String> altTexts, int photoCount) {
        if (altTexts == null) {
            return java.util.Collections.nCopies(photoCount, "");
        }
        if (altTexts.size() != photoCount) {
            throw ProblemException.invalid("altTexts", "one per photo (" + photoCount + "), \"\" for none");
        }
        List<String> values = new ArrayList<>();
        for (int i = 0; i < altTexts.size(); i++) {
            String field = "altTexts[" + i + "]";
            String value = altTexts.get(i) == null ? "" : TextRules.singleLine(field, altTexts.get(i)).strip();
            if (value.codePointCount(0, value.length()) > ALT_TEXT_MAX) {
                throw ProblemException.invalid(field, "at most " + ALT_TEXT_MAX + " characters");
            }
            values.add(value);
        }
        return values;
    }

    /** @return the place name, or null for none */
    static String location(String location) {
        if (location == null || location.isBlank()) {
            return null;
        }
        String value = TextRules.singleLine("location", location).strip();
        if (value.codePointCount(0, value.length()) > LOCATION_MAX) {
            throw ProblemException.invalid("location", "at most " + LOCATION_MAX + " characters");
        }
        return value;
    }

    /** @return the price in roubles, or null for a free post (no price given) */
    static Money price(Long kopecks) {
        if (kopecks == null) {
            return null;
        }
        if (kopecks < PRICE_MIN || kopecks > PRICE_MAX) {
            throw ProblemException.invalid("price", "kopecks, " + PRICE_MIN + " to " + PRICE_MAX);
        }
        return Money.rub(kopecks);
    }

    /** @return the lowest tier rank a post for subscribers needs, or null for a post not for subscribers */
    static Integer minTierRank(Integer rank) {
        if (rank == null) {
            return null;
        }
        if (rank < 1 || rank > CreatorTiers.MAX_TIERS) {
            throw ProblemException.invalid("minTierRank", "a tier rank, 1 to " + CreatorTiers.MAX_TIERS);
        }
        return rank;
    }

    /** @throws ProblemException 404 for anything that cannot be a post id, so a bad path reads as no such post */
    public static String postId(String postId) {
        if (!IdGenerator.isWellFormed(postId)) {
            throw notFound();
        }
        return postId;
    }

    public static ProblemException notFound() {
        return new ProblemException(ProblemType.NOT_FOUND, "No such post.");
    }
}
