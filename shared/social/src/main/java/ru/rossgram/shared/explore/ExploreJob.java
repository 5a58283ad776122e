package ru.rossgram.shared.explore;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ru.rossgram.shared.accounts.AccountRepository;
import ru.rossgram.shared.config.RossgramConfig;
import ru.rossgram.shared.dynamo.BatchReads;
import ru.rossgram.shared.jobs.JobSummary;
import ru.rossgram.shared.posts.Post;
import ru.rossgram.shared.posts.PostRepository;
import ru.rossgram.shared.posts.PostStatus;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Computes explore ahead (what the {@code compute-explore} function runs on its schedule): reads every trending
 * item of the window's hours (8 shard Queries an hour), ranks the posts ({@link ExploreRanking}), checks the best
 * of them in BatchGets of their posts and their authors' profiles, and stores the first
 * {@link ExploreConfig#candidates()} that may be shown to anyone as the new snapshot.
 *
 * <p>Left out: posts deleted or not published, imported posts (old photos brought over, not what is happening now),
 * gated posts (on sale or for subscribers: explore shows what anyone may open), and posts of private or deleted
 * accounts. Readers' own exclusions (whom she follows, blocks, mutes) are the page's.
 *
 * <p>A run reads {@code windowHours x 8} Queries (more pages only for an hour with more than 1 MB of items), then
 * checks the ranked posts a slice of {@code candidates} at a time, until the snapshot is full or
 * {@link #CHECKED_SLICES} slices are checked: each slice one BatchGet of at most {@code 2 x candidates} keys. It
 * writes only the snapshot (one PutItem), so it is idempotent: a repeated or overlapping run computes the same from
 * the same items, and the later computation stays.
 */
@Singleton
public class ExploreJob {
    /** How many slices of ranked posts a run checks at most: bounds a run however many posts were left out. */
    static final int CHECKED_SLICES = 4;
    private static final Logger LOG = LoggerFactory.getLogger(ExploreJob.class);

    /** What a run made of each ranked post. */
    public enum Outcome {
        LISTED, NOT_PUBLISHED, IMPORTED, GATED, NOT_PUBLIC, NOT_CHECKED
    }

    private final TrendingRepository trending;
    private final ExploreRepository explore;
    private final BatchReads batchReads;
    private final ExploreConfig config;
    private final String table;
    private final Clock clock;

    public ExploreJob(TrendingRepository trending, ExploreRepository explore, BatchReads batchReads,
                      ExploreConfig config, RossgramConfig rossgram, Clock clock) {
        this.trending = trending;
        this.explore = explore;
        this.batchReads = batchReads;
        this.config = config;
        this.table = rossgram.table();
        this.clock = clock;
    }

    /** One run at the clock's now: the snapshot replaced, and what became of every ranked post. */
    public JobSummary<Outcome> run() {
        Instant now = clock.instant();
        List<ExploreRanking.Candidate> ranked = ExploreRanking.rank(window(now), now);
        Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
        List<ExploreRanking.Candidate> listed = new ArrayList<>();
        int checked = 0;
        for (int slice = 0; slice < CHECKED_SLICES && checked < ranked.size() && listed.size() < config.candidates(); slice++) {
            List<ExploreRanking.Candidate> batch = ranked.subList(checked, Math.min(ranked.size(), checked + config.candidates()));
            Map<ExploreRanking.Candidate, Outcome> outcomes = check(batch);
            for (ExploreRanking.Candidate candidate : batch) {
                Outcome outcome = listed.size() < config.candidates() ? outcomes.get(candidate) : Outcome.NOT_CHECKED;
                if (outcome == Outcome.LISTED) {
                    listed.add(candidate);
                }
                counts.merge(outcome, 1, Integer::sum);
            }
            checked += batch.size();
        }
        counts.merge(Outcome.NOT_CHECKED, ranked.size() - checked, Integer::sum);
        boolean stored = explore.replace(new ExploreRepository.Snapshot(now, listed));
        LOG.info("explore snapshot of {} posts from {} ranked{}", listed.size(), ranked.size(),
                stored ? "" : ": a later run's snapshot stays");
        return new JobSummary<>(counts);
    }

    /** The window's hours, the current one included, each read whole from its 8 shards. */
    private List<ExploreRanking.Hour> window(Instant now) {
        Instant current = TrendingRepository.hourOf(now);
        List<ExploreRanking.Hour> hours = new ArrayList<>();
        for (int back = 0; back < config.windowHours(); back++) {
            Instant hour = current.minus(Duration.ofHours(back));
            List<TrendingRepository.HourScore> scores = new ArrayList<>();
            for (int shard = 0; shard < TrendingRepository.SHARDS; shard++) {
                scores.addAll(trending.hour(hour, shard));
            }
            hours.add(new ExploreRanking.Hour(hour, scores));
        }
        return hours;
    }

    /** One BatchGet of the posts and their authors' profiles, and what each post's check found. */
    private Map<ExploreRanking.Candidate, Outcome> check(List<ExploreRanking.Candidate> candidates) {
        Set<String> authors = new LinkedHashSet<>();
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        for (ExploreRanking.Candidate candidate : candidates) {
            keys.add(PostRepository.key(candidate.postId()));
            if (authors.add(candidate.authorId())) {
                keys.add(AccountRepository.profileKey(candidate.authorId()));
            }
        }
        Map<String, Post> posts = new HashMap<>();
        Map<String, Boolean> privateAuthors = new HashMap<>();
        for (Map<String, AttributeValue> item : batchReads.consistent(table, keys)) {
            if (PostRepository.isPost(item)) {
                Post post = PostRepository.postFrom(item);
                posts.put(post.postId(), post);
            } else if (AccountRepository.isProfile(item)) {
                privateAuthors.put(AccountRepository.accountFrom(item).userId(), AccountRepository.isPrivate(item));
            }
        }
        Map<ExploreRanking.Candidate, Outcome> outcomes = new HashMap<>();
        candidates.forEach(candidate -> outcomes.put(candidate,
                judge(posts.get(candidate.postId()), privateAuthors.get(candidate.authorId()))));
        return outcomes;
    }

    /**
     * Whether anyone may be shown the post in explore.
     *
     * @param post          as read, or null if it is gone
     * @param privateAuthor whether its author's account is private; null if the account is gone
     */
    static Outcome judge(Post post, Boolean privateAuthor) {
        if (post == null || post.status() != PostStatus.PUBLISHED) {
            return Outcome.NOT_PUBLISHED;
        }
        if (post.imported()) {
            return Outcome.IMPORTED;
        }
        if (post.gated()) {
            return Outcome.GATED;
        }
        if (privateAuthor == null || privateAuthor) {
            return Outcome.NOT_PUBLIC;
        }
        return Outcome.LISTED;
    }
}
