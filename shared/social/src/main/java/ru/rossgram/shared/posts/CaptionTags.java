package ru.rossgram.shared.posts;

import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The hashtags and @mentions of a caption, lower-cased and de-duplicated in order of first use.
 *
 * <p>A hashtag is {@code #} followed by Unicode letters (Cyrillic included), digits and {@code _}; a mention is
 * {@code @} followed by a possible username (Latin or Cyrillic letters of one alphabet, {@code 0-9 . _}, 3 to 30;
 * a run mixing the alphabets is no username, so no mention). Neither counts when glued to a
 * word before it, so {@code masha@example.ru} mentions nobody and {@code C#} tags nothing. A mention's
 * trailing dots are read as punctuation ("thanks @masha."). A run longer than the limits is not a tag at all
 * rather than a truncated one.
 */
public record CaptionTags(List<String> hashtags, List<String> mentions) {
    /** Hashtags become keys of a later hashtag index, whose partition keys must stay well under 2 KB. */
    static final int HASHTAG_MAX = 100;
    private static final int USERNAME_MIN = 3;
    private static final int USERNAME_MAX = 30;
    private static final Pattern HASHTAG = Pattern.compile("(?<![\\p{L}\\p{M}\\p{Nd}_])#([\\p{L}\\p{M}\\p{Nd}_]+)");
    private static final Pattern ONE_ALPHABET = Pattern.compile("[A-Za-z0-9._]+|[А-Яа-яЁё0-9._]+");
    private static final Pattern MENTION = Pattern.compile("(?<![\\p{L}\\p{M}\\p{Nd}_.@])@([A-Za-z0-9._А-Яа-яЁё]++)(?![\\p{L}\\p{M}\\p{Nd}@])");

    public CaptionTags {
        hashtags = List.copyOf(hashtags);
        mentions = List.copyOf(mentions);
    }

    public static CaptionTags in(String caption) {
        if (caption == null || caption.isEmpty()) {
            return new CaptionTags(List.of(), List.of());
        }
        // One spelling per tag: a letter typed precomposed or as letter + combining mark is the same tag.
        String text = Normalizer.normalize(caption, Normalizer.Form.NFC);
        Set<String> hashtags = new LinkedHashSet<>();
        Matcher tag = HASHTAG.matcher(text);
        while (tag.find()) {
            String value = tag.group(1);
            if (value.codePointCount(0, value.length()) <= HASHTAG_MAX) {
                hashtags.add(value.toLowerCase(Locale.ROOT));
            }
        }
        Set<String> mentions = new LinkedHashSet<>();
        Matcher mention = MENTION.matcher(text);
        while (mention.find()) {
            String value = mention.group(1).replaceAll("\\.+$", "");
            if (value.length() >= USERNAME_MIN && value.length() <= USERNAME_MAX && ONE_ALPHABET.matcher(value).matches()) {
                mentions.add(value.toLowerCase(Locale.ROOT));
            }
        }
        return new CaptionTags(List.copyOf(hashtags), List.copyOf(mentions));
    }
}
