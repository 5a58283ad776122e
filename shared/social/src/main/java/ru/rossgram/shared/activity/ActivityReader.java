package ru.rossgram.shared.activity;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import ru.rossgram.shared.auth.Caller;
import ru.rossgram.shared.config.IdGenerator;
import ru.rossgram.shared.dynamo.ConcurrentReads;
import ru.rossgram.shared.paging.CursorCodec;
import ru.rossgram.shared.paging.PageRequest;
import ru.rossgram.shared.problem.ProblemException;

/**
 * The activity inbox ({@code GET /v1/me/activity}, {@code POST /v1/me/activity/read}).
 *
 * <p>A page costs a bounded number of requests whatever it holds, in two rounds. Round 1, sent together: the Query
 * of the page and the GetItem of the read marker. Round 2, sent together: the unread count (one Query,
 * {@code Select COUNT}, above the marker) and one round of BatchGets of everything the items need
 * ({@link ActivityPageReads}: at most 13 keys an item, so at most 7 BatchGets of 100 for a page of 50). Items that
 * are not to be shown ({@link ActivityViews}) are skipped, so a page may come short of {@code limit} while
 * {@code nextCursor} says more.
 */
@Singleton
public class ActivityReader {
    /** The unread count stops here; a client shows it as "99+". */
    public static final int UNREAD_CAP = 100;

    private final ActivityRepository inbox;
    private final ActivityPageReads reads;
    private final ActivityViews views;
    private final CursorCodec cursors;
    private final ConcurrentReads concurrently;
    private final Clock clock;

    ActivityReader(ActivityRepository inbox, ActivityPageReads reads, ActivityViews views, CursorCodec cursors,
                   ConcurrentReads concurrently, Clock clock) {
        this.inbox = inbox;
        this.reads = reads;
        this.views = views;
        this.cursors = cursors;
        this.concurrently = concurrently;
        this.clock = clock;
    }

    /** @throws ProblemException 400 for a cursor this server did not issue to this reader */
    public ActivityPage page(Caller caller, PageRequest request) {
        String me = caller.userId();
        String purpose = "activity:" + me;
        String before = request.cursor() == null ? null : cursors.decode(purpose, request.cursor()).get("before");

        var round1 = concurrently.both(() -> inbox.newest(me, before, request.limit()), () -> inbox.readUpTo(me));
        ActivityRepository.Slice slice = round1.first();
        Optional<String> readUpTo = round1.second();

        var round2 = concurrently.both(() -> inbox.unreadCount(me, readUpTo.orElse(null), UNREAD_CAP),
                () -> reads.of(me, slice.items()));
        ActivityPageReads.Found found = round2.second();
        List<ActivityView> shown = slice.items().stream()
                .flatMap(item -> views.of(item, found, me).stream()).toList();
        String next = slice.more() ? cursors.encode(purpose, Map.of("before", slice.last())) : null;
        return new ActivityPage(shown, next, round2.first());
    }

    /**
     * Marks everything up to {@code upTo} read; marking an older item than one marked already changes nothing.
     *
     * @throws ProblemException 400 {@code invalid-request} for something that is not an activity id, or one from
     *         the future (which would mark items read before they exist)
     */
    public void markRead(Caller caller, String upTo) {
        if (!IdGenerator.isWellFormed(upTo)) {
            throw ProblemException.invalid("upTo", "an activityId from GET /v1/me/activity");
        }
        if (upTo.compareTo(IdGenerator.lowestIdAt(clock.instant().plusSeconds(1))) >= 0) {
            throw ProblemException.invalid("upTo", "an activityId of an item already in the inbox, not a later one");
        }
        inbox.markRead(caller.userId(), upTo, clock.instant());
    }
}
