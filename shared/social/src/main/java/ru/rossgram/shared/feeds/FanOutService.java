package ru.rossgram.shared.feeds;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import ru.rossgram.shared.feeds.FanOutTasks.Task;
import ru.rossgram.shared.posts.Post;
import ru.rossgram.shared.posts.PostRepository;
import ru.rossgram.shared.posts.PostSideEffects;
import ru.rossgram.shared.posts.PostStatus;
import ru.rossgram.shared.social.FollowRepository;
import ru.rossgram.shared.social.FollowerSlice;
import ru.rossgram.shared.social.ProfileCounters;

/**
 * Fan-out on write, split across invocations: a published post is put into the feed of each of its author's
 * followers, {@link FeedConfig#followersPerStep()} followers per invocation of the fan-out function, each
 * step queued by the one before it ({@link FanOutTasks}). A deleted post is taken out of the feeds the same way.
 * The posts of {@link Celebrities} are not fanned out at all: readers merge them in. An author who publishes
 * with more followers than {@link FeedConfig#fanOutThreshold()} becomes one: that post is still fanned out (not
 * every follower knows yet), and a {@link FanOutAction#MARK} job, run the same way, notes the author in every
 * follower's {@link FeedContext}.
 *
 * <p>Resumable and exactly-once in effect: the job's cursor moves only after the feed items up to it are
 * written, and only from the value the step read, so a crashed step is repeated from the same place (its
 * writes are idempotent puts of fixed keys) and two deliveries of one step cannot both go on.
 */
@Singleton
public class FanOutService {
    /** Followers read per query page (at most a step's share); a step serves whole pages. */
    static final int PAGE = 1000;

    private final FanOutTasks tasks;
    private final FanOutJobs jobs;
    private final FeedRepository feeds;
    private final FollowRepository follows;
    private final ProfileCounters counters;
    private final PostRepository posts;
    private final Celebrities celebrities;
    private final FeedConfig config;
    private final List<PostSideEffects> sideEffects;
    private final Clock clock;

    public FanOutService(FanOutTasks tasks, FanOutJobs jobs, FeedRepository feeds, FollowRepository follows,
                         ProfileCounters counters, PostRepository posts, Celebrities celebrities, FeedConfig config,
                         List<PostSideEffects> sideEffects, Clock clock) {
        this.tasks = tasks;
        this.jobs = jobs;
        this.feeds = feeds;
        this.follows = follows;
        this.counters = counters;
        this.posts = posts;
        this.celebrities = celebrities;
        this.config = config;
        this.sideEffects = List.copyOf(sideEffects);
        this.clock = clock;
    }

    /** Starts putting a just-published post into its followers' feeds. Calling it again is harmless. */
    public void postPublished(String postId, String authorId) {
        tasks.enqueue(new Task(FanOutAction.ADD, authorId, postId, 0));
    }

    /** Starts taking a deleted post out of its followers' feeds. Calling it again is harmless. */
    public void postDeleted(String postId, String authorId) {
        tasks.enqueue(new Task(FanOutAction.REMOVE, authorId, postId, 0));
    }

    /** What one step did. */
    public enum Outcome {
        /** The last followers are served; the fan-out is complete. */
        DONE,
        /** This step's share is served and the next step is queued. */
        CONTINUED,
        /** The author is over the threshold: nothing fanned out, readers merge the post in. */
        SKIPPED,
        /** The job was complete already (a repeated event); nothing written. */
        ALREADY_DONE,
        /** Another delivery of this step moved the job on first; this one stopped. */
        SUPERSEDED,
        /** The post is not (or no longer) published; nothing to fan out. */
        NOTHING_TO_DO
    }

    /** @param served feed items written or removed by this step */
    public record StepResult(Outcome outcome, long served) {
    }

    /** Runs one step of a fan-out: serves followers from the job's cursor on, up to this step's share. */
    public StepResult run(Task task) {
        FanOutJob job = jobs.find(task.postId(), task.action()).orElse(null);
        if (job == null) {
            Optional<StepResult> finished = begin(task);
            if (finished.isPresent()) {
                return finished.get();
            }
            job = jobs.find(task.postId(), task.action()).orElseThrow();
        } else if (job.done()) {
            return new StepResult(Outcome.ALREADY_DONE, 0);
        }
        Instant expiresAt = clock.instant().plus(config.itemRetention());
        // Each step reads the post again rather than carrying its flags in the job: one small read per step.
        FeedRepository.FeedItem item = task.action() == FanOutAction.MARK ? null : new FeedRepository.FeedItem(
                task.postId(), task.authorId(),
                task.action() == FanOutAction.ADD && posts.find(task.postId()).map(Post::gated).orElse(false));
        long served = 0;
        while (true) {
            FollowerSlice slice = follows.followersAfter(task.authorId(), job.cursor(),
                    Math.min(PAGE, config.followersPerStep()));
            apply(task, item, slice.followerIds(), expiresAt);
            if (!jobs.advance(job, slice.next(), slice.followerIds().size(), clock.instant())) {
                return new StepResult(Outcome.SUPERSEDED, served);
            }
            served += slice.followerIds().size();
            if (slice.next() == null) {
                return new StepResult(Outcome.DONE, served);
            }
            job = new FanOutJob(job.postId(), job.action(), job.authorId(), slice.next(),
                    job.delivered() + slice.followerIds().size(), false, false);
            if (served >= config.followersPerStep()) {
                tasks.enqueue(task.next());
                return new StepResult(Outcome.CONTINUED, served);
            }
        }
    }

    /** Removes a finished step's task object. */
    public void finished(Task task) {
        tasks.delete(task);
    }

    /**
     * Creates the job on the first step: serves the author's own feed and decides whether to fan out at all (or,
     * marking, checks the author is past the threshold and marks them).
     *
     * @return the result when there is nothing more to do; empty when the job (created here or by a
     *         concurrent delivery) now waits for followers to be served
     */
    private Optional<StepResult> begin(Task task) {
        Instant now = clock.instant();
        boolean celebrity = false;
        switch (task.action()) {
            case ADD -> {
                Optional<Post> post = posts.find(task.postId());
                // An imported post is not queued in the first place (PhotoResults says so); this holds whatever queues one.
                if (post.isEmpty() || post.get().status() != PostStatus.PUBLISHED || !post.get().isAuthor(task.authorId())
                        || post.get().imported()) {
                    return Optional.of(new StepResult(Outcome.NOTHING_TO_DO, 0));
                }
                feeds.add(List.of(task.authorId()), FeedRepository.FeedItem.of(post.get()),
                        now.plus(config.itemRetention()));
                // Before the job exists: a step that dies here is retried from the start and does them again.
                sideEffects.forEach(effect -> effect.published(post.get()));
                celebrity = celebrities.isCelebrity(task.authorId());
                if (!celebrity && counters.read(task.authorId()).followers() > config.fanOutThreshold()) {
                    tasks.enqueue(new Task(FanOutAction.MARK, task.authorId(), task.postId(), 0));
                }
            }
            case REMOVE -> {
                feeds.remove(List.of(task.authorId()), task.postId());
                // A celebrity's posts were not fanned out (but the one that made them one: its items stay, and
                // readers skip them as they skip any deleted post's).
                celebrity = celebrities.isCelebrity(task.authorId());
            }
            case MARK -> {
                if (counters.read(task.authorId()).followers() <= config.fanOutThreshold()) { // a stray task
                    return Optional.of(new StepResult(Outcome.NOTHING_TO_DO, 0));
                }
                celebrities.mark(task.authorId(), now); // before any follower is read: see Celebrities
            }
        }
        int ownFeed = task.action() == FanOutAction.MARK ? 0 : 1;
        FanOutJob job = new FanOutJob(task.postId(), task.action(), task.authorId(), null, ownFeed, celebrity, celebrity);
        if (!jobs.create(job, now)) {
            FanOutJob existing = jobs.find(task.postId(), task.action()).orElseThrow();
            return existing.done() ? Optional.of(new StepResult(Outcome.ALREADY_DONE, 0)) : Optional.empty();
        }
        return celebrity ? Optional.of(new StepResult(Outcome.SKIPPED, 1)) : Optional.empty();
    }

    private void apply(Task task, FeedRepository.FeedItem item, List<String> followerIds, Instant expiresAt) {
        switch (task.action()) {
            case ADD -> feeds.add(followerIds, item, expiresAt);
            case REMOVE -> feeds.remove(followerIds, task.postId());
            case MARK -> feeds.noteCelebrity(followerIds, task.authorId());
        }
    }
}
