package ru.rossgram.shared.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import ru.rossgram.shared.explore.ExploreRanking.Candidate;
import ru.rossgram.shared.explore.ExploreRanking.Hour;
import ru.rossgram.shared.explore.TrendingRepository.HourScore;

/** How explore orders posts from their hours of likes and comments. */
class ExploreRankingTest {
    private static final Instant NOW = Instant.parse("2026-12-07T15:40:00Z");
    private static final Instant THIS_HOUR = Instant.parse("2026-12-07T15:00:00Z");

    @Test
    void morePointsInOneHour_rankFirst() {
        List<Candidate> ranked = ExploreRanking.rank(List.of(hour(THIS_HOUR, score("P1", 2), score("P2", 5), score("P3", 3))), NOW);

        assertEquals(List.of("P2", "P3", "P1"), ids(ranked));
        assertEquals(5.0, ranked.get(0).score(), 1e-9, "the hour under way counts in full");
    }

    @Test
    void aPostsHours_addUp() {
        List<Candidate> ranked = ExploreRanking.rank(List.of(hour(THIS_HOUR, score("P1", 3), score("P2", 2)),
                hour(THIS_HOUR.minus(Duration.ofHours(1)), score("P2", 2))), NOW);

        assertEquals(List.of("P2", "P1"), ids(ranked), "2 now and 2 just before beat 3 now");
    }

    @Test
    void yesterdaysBurst_countsAQuarterOfTheSameBurstNow() {
        Instant dayAgo = THIS_HOUR.minus(Duration.ofHours(24));
        List<Candidate> ranked = ExploreRanking.rank(List.of(hour(THIS_HOUR, score("NEW", 10)),
                hour(dayAgo, score("OLD", 10))), dayAgo.plus(Duration.ofHours(1)).plus(Duration.ofHours(24)));

        assertEquals(List.of("NEW", "OLD"), ids(ranked));
        assertEquals(2.5, ranked.get(1).score(), 1e-9, "two half-lives after its hour ended");
    }

    @Test
    void anOldBurst_isOutrankedByFewerPointsNow() {
        List<Candidate> ranked = ExploreRanking.rank(List.of(hour(THIS_HOUR.minus(Duration.ofHours(40)), score("OLD", 20)),
                hour(THIS_HOUR, score("NEW", 3))), NOW);

        assertEquals(List.of("NEW", "OLD"), ids(ranked));
    }

    @Test
    void postsWhosePointsWereTakenBack_areLeftOut() {
        List<Candidate> ranked = ExploreRanking.rank(List.of(hour(THIS_HOUR, score("UNLIKED", -1), score("P1", 1)),
                hour(THIS_HOUR.minus(Duration.ofHours(1)), score("UNLIKED", 1), score("NEGATIVE", -3))), NOW);

        assertEquals(List.of("P1"), ids(ranked), "a like and its unlike in different hours leave nearly nothing, and nothing positive");
    }

    @Test
    void ties_goToTheNewerPost() {
        List<Candidate> ranked = ExploreRanking.rank(List.of(hour(THIS_HOUR, score("P1", 4), score("P3", 4), score("P2", 4))), NOW);

        assertEquals(List.of("P3", "P2", "P1"), ids(ranked));
    }

    @Test
    void aCommentOutweighsALike() {
        assertTrue(TrendingRepository.COMMENT_POINTS > TrendingRepository.LIKE_POINTS);
        List<Candidate> ranked = ExploreRanking.rank(List.of(hour(THIS_HOUR, score("LIKED_TWICE", 2 * TrendingRepository.LIKE_POINTS),
                score("COMMENTED_ON", TrendingRepository.COMMENT_POINTS))), NOW);

        assertEquals(List.of("COMMENTED_ON", "LIKED_TWICE"), ids(ranked));
    }

    @Test
    void theWeight_isFullForTheHourUnderWay_andHalvesEveryHalfLifeAfterAnHoursEnd() {
        assertEquals(1.0, ExploreRanking.weight(THIS_HOUR, NOW), 1e-9);
        Instant ended = THIS_HOUR.plus(Duration.ofHours(1));
        assertEquals(1.0, ExploreRanking.weight(THIS_HOUR, ended), 1e-9);
        assertEquals(0.5, ExploreRanking.weight(THIS_HOUR, ended.plus(ExploreRanking.HALF_LIFE)), 1e-9);
        assertEquals(0.25, ExploreRanking.weight(THIS_HOUR, ended.plus(ExploreRanking.HALF_LIFE.multipliedBy(2))), 1e-9);
    }

    private static Hour hour(Instant start, HourScore... scores) {
        return new Hour(start, Arrays.asList(scores));
    }

    private static HourScore score(String postId, long points) {
        return new HourScore(postId, "author-of-" + postId, points);
    }

    private static List<String> ids(List<Candidate> ranked) {
        return ranked.stream().map(Candidate::postId).toList();
    }
}
