package ru.rossgram.benchmarks.feeds;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Captions of the generated posts: a few hashtags each, drawn from a vocabulary with Zipf popularity (the tag of
 * rank r is used in proportion to 1 / r), in both alphabets and in both spellings of the same word ({@code #москва}
 * and {@code #moskva} are two tags, which search finds for either), so a popular tag has a long hashtag page and
 * most tags short ones.
 */
final class GraphCaptions {
    static final List<String> TAGS = List.of(
            "love", "москва", "travel", "photooftheday", "moskva", "еда", "food", "закат", "sunset", "питер",
            "spb", "nature", "природа", "кофе", "coffee", "море", "sea", "друзья", "friends", "cats",
            "котики", "summer", "лето", "зима", "winter", "art", "искусство", "музыка", "music", "спорт",
            "sport", "фитнес", "fitness", "йога", "yoga", "books", "книги", "осень", "autumn", "весна",
            "spring", "горы", "mountains", "казань", "kazan", "сочи", "sochi", "байкал", "baikal", "ёлка");

    private final double[] cumulative = new double[TAGS.size()];
    private final Random random;
    private final int maxTags;

    GraphCaptions(long seed, int maxTags) {
        this.random = new Random(seed);
        this.maxTags = maxTags;
        double sum = 0;
        for (int r = 0; r < TAGS.size(); r++) {
            sum += 1.0 / (r + 1);
            cumulative[r] = sum;
        }
        for (int r = 0; r < TAGS.size(); r++) {
            cumulative[r] /= sum;
        }
    }

    /** A caption with 0 to {@code maxTags} distinct hashtags. Not thread-safe: called while the posts are planned. */
    String next() {
        int count = random.nextInt(maxTags + 1);
        Set<String> tags = new LinkedHashSet<>();
        for (int i = 0; i < count; i++) {
            tags.add(TAGS.get(zipfRank()));
        }
        StringBuilder caption = new StringBuilder("Generated post");
        tags.forEach(tag -> caption.append(" #").append(tag));
        return caption.toString();
    }

    private int zipfRank() {
        double u = random.nextDouble();
        for (int r = 0; r < cumulative.length; r++) {
            if (u <= cumulative[r]) {
                return r;
            }
        }
        return cumulative.length - 1;
    }
}
