package ru.rossgram.shared.explore;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How popular a post is lately: the points of each hour of the window ({@link TrendingRepository}: a like 1, a
 * comment {@link TrendingRepository#COMMENT_POINTS}, an unlike or deleted comment taking its points back), each
 * hour's weighed down by its age with a half-life of {@link #HALF_LIFE}, so yesterday's burst counts a quarter of
 * the same burst now. The current hour counts in full. Posts whose sum is not positive are
 * left out; ties go to the newer post (the larger id). Pure: the job reads, this decides.
 */
public final class ExploreRanking {
    public static final Duration HALF_LIFE = Duration.ofHours(12);

    private ExploreRanking() {
    }

    /** A post as explore ranks it. */
    public record Candidate(String postId, String authorId, double score) {
    }

    /** One hour's engagement, as read from the trending items. */
    public record Hour(Instant start, List<TrendingRepository.HourScore> scores) {
    }

    /** Every post with positive points in {@code hours}, the most popular first, as of {@code now}. */
    public static List<Candidate> rank(List<Hour> hours, Instant now) {
        Map<String, Candidate> sums = new LinkedHashMap<>();
        for (Hour hour : hours) {
            double weight = weight(hour.start(), now);
            for (TrendingRepository.HourScore score : hour.scores()) {
                sums.merge(score.postId(), new Candidate(score.postId(), score.authorId(), score.score() * weight),
                        (one, other) -> new Candidate(one.postId(), one.authorId(), one.score() + other.score()));
            }
        }
        return sums.values().stream().filter(candidate -> candidate.score() > 1e-9)
                .sorted(Comparator.comparingDouble(Candidate::score).reversed()
                        .thenComparing(Candidate::postId, Comparator.reverseOrder()))
                .toList();
    }

    /** 1 for the hour under way, halving every {@link #HALF_LIFE} after an hour's end. */
    static double weight(Instant hourStart, Instant now) {
        Duration sinceEnd = Duration.between(hourStart.plus(Duration.ofHours(1)), now);
        if (sinceEnd.isNegative()) {
            return 1;
        }
        return Math.pow(0.5, (double) sinceEnd.toMinutes() / HALF_LIFE.toMinutes());
    }
}
