package ru.rossgram.shared.imports.audience;

import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import ru.rossgram.shared.auth.Caller;
import ru.rossgram.shared.config.RossgramConfig;
import ru.rossgram.shared.dynamo.BatchReads;
import ru.rossgram.shared.problem.ProblemException;
import ru.rossgram.shared.social.FollowRepository;
import ru.rossgram.shared.social.FollowerSlice;
import ru.rossgram.shared.social.ProfileCounters;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A blogger's audience counts. {@code instagramFollowers} is her stored followers list's length and
 * {@code onRossgram} the counter her matches keep (moved once per pair, in the transaction that records it).
 * {@code followYouHere} is counted when asked, so it is right whatever follows and unfollows race: it walks the
 * smaller of two sets, her followers here or her counted matches, and looks up the other side by key (one BatchGet
 * per 100), stopping at {@value #COUNT_CAP} accounts. A counter kept by the follow transaction would be exact at
 * any size, but every follow and block in shared/social would then have to know about Instagram matches, which
 * that module cannot see; past the cap the answer says it is a lower bound.
 */
@Singleton
public class AudienceCounts {
    /** The most accounts one request walks to count {@code followYouHere}: 20 Queries and 20 BatchGets at most. */
    public static final int COUNT_CAP = 2000;
    private static final int SLICE = 100;

    private final InstagramLinkRepository links;
    private final MatchRepository matches;
    private final FollowRepository follows;
    private final ProfileCounters counters;
    private final BatchReads batchReads;
    private final String table;

    public AudienceCounts(InstagramLinkRepository links, MatchRepository matches, FollowRepository follows,
                          ProfileCounters counters, BatchReads batchReads, RossgramConfig config) {
        this.links = links;
        this.matches = matches;
        this.follows = follows;
        this.counters = counters;
        this.batchReads = batchReads;
        this.table = config.table();
    }

    /** @throws ProblemException 404 {@code not-found} when the caller has no Instagram name linked */
    public Audience of(Caller caller) {
        String me = caller.userId();
        InstagramLink link = links.find(me).orElseThrow(InstagramMatches::notLinked);
        long onRossgram = Math.max(0, links.followersHere(me));
        long followersHere = counters.read(me).followers();
        Tally tally = followersHere <= onRossgram ? throughFollowers(me) : throughMatches(me);
        return new Audience(link.followers(), onRossgram, tally.count(), tally.complete());
    }

    private record Tally(long count, boolean complete) {
    }

    /** Her followers here, each looked up among her counted matches. */
    private Tally throughFollowers(String me) {
        long count = 0;
        String after = null;
        for (int walked = 0; walked < COUNT_CAP; walked += SLICE) {
            FollowerSlice slice = follows.followersAfter(me, after, SLICE);
            count += matches.countedAmong(me, slice.followerIds()).size();
            after = slice.next();
            if (after == null) {
                return new Tally(count, true);
            }
        }
        return new Tally(count, false);
    }

    /** Her counted matches, each looked up among her follow edges. */
    private Tally throughMatches(String me) {
        long count = 0;
        String after = null;
        for (int walked = 0; walked < COUNT_CAP; walked += SLICE) {
            MatchRepository.MatchPage page = matches.page(me, after, SLICE);
            List<Map<String, AttributeValue>> edges = new ArrayList<>();
            for (MatchRepository.Match match : page.matches()) {
                if (match.counted()) {
                    edges.add(FollowRepository.edgeKey(match.otherId(), me));
                }
            }
            count += edges.isEmpty() ? 0 : batchReads.consistent(table, edges).size();
            after = page.after();
            if (after == null) {
                return new Tally(count, true);
            }
        }
        return new Tally(count, false);
    }
}
