package ru.rossgram.shared.imports.audience;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import ru.rossgram.shared.dynamo.TransactionWriter;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Turns "a list of {@code O} holds the handle {@code N} linked" into match items both ways, and counts {@code N}
 * among {@code O}'s Instagram followers here when the list is {@code O}'s followers.
 *
 * <p>It is reached from both sides, so no order of events misses a pair: a link first commits its claim, then
 * queries the index for the name; a list's chunk is first written to the index, then its handles' claims are read.
 * Both reads are strongly consistent, so whichever comes second sees the other's write. When both see each other,
 * the pair is recorded twice, which changes nothing: the match items are set, not added, and the count moves only
 * in the transaction that marks the pair {@code counted}.
 *
 * <p>Each pair is one transaction that also checks both accounts are still linked, so an account that unlinked
 * meanwhile gets no new match behind its cleanup's back.
 */
@Singleton
public class AudienceMatcher {
    /** Lists read per Query of the index when a name is linked. */
    static final int HOLDERS_PER_QUERY = 100;

    private final HandleListRepository lists;
    private final InstagramLinkRepository links;
    private final MatchRepository matches;
    private final TransactionWriter transactions;
    private final Clock clock;

    public AudienceMatcher(HandleListRepository lists, InstagramLinkRepository links, MatchRepository matches,
                           TransactionWriter transactions, Clock clock) {
        this.lists = lists;
        this.links = links;
        this.matches = matches;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * Matches {@code newcomerId}, who linked {@code handle}, with the owner of each list holding it, from after the
     * list {@code after} (null: the first), one Query per {@value #HOLDERS_PER_QUERY} lists and one transaction per
     * list, whatever the lists' lengths; it starts no new Query once {@code budget} has passed.
     *
     * @return the last list it matched with when lists may remain (the next call's {@code after}), or empty when
     *         every list holding the name has been matched
     */
    public Optional<HandleListRepository.Holder> matchNewcomer(String newcomerId, String handle,
                                                               HandleListRepository.Holder after, Duration budget) {
        Instant deadline = clock.instant().plus(budget);
        Map<String, AttributeValue> start = after == null ? null
                : HandleListRepository.entryKey(handle, after.ownerId(), after.list());
        HandleListRepository.Holder last = after;
        do {
            HandleListRepository.Holders page = lists.holders(handle, start, HOLDERS_PER_QUERY);
            for (HandleListRepository.Holder holder : page.holders()) {
                if (!holder.ownerId().equals(newcomerId)) {
                    record(holder.ownerId(), holder.list(), newcomerId);
                }
                last = holder;
            }
            start = page.next();
        } while (start != null && clock.instant().isBefore(deadline));
        return start == null ? Optional.empty() : Optional.of(last);
    }

    /**
     * Matches {@code ownerId} with the accounts here that linked one of {@code handles}, a chunk of the owner's
     * {@code list} already written to the index: one BatchGet of their claims per 100 handles, one transaction per
     * account found.
     *
     * @return how many of the handles are linked to an account here (the owner's own excluded)
     */
    public int matchChunk(String ownerId, HandleList list, Collection<String> handles) {
        int found = 0;
        for (String holder : links.holders(handles).values()) {
            if (!holder.equals(ownerId)) {
                record(ownerId, list, holder);
                found++;
            }
        }
        return found;
    }

    /** {@code otherId}'s handle is on {@code ownerId}'s {@code list}. */
    private void record(String ownerId, HandleList list, String otherId) {
        Instant at = clock.instant();
        List<TransactWriteItem> items = new ArrayList<>();
        if (list == HandleList.FOLLOWERS) { // the other followed the owner on Instagram
            items.add(matches.followedYouItem(ownerId, otherId, at, true));
            items.add(matches.youFollowedItem(otherId, ownerId, at));
            items.add(links.followersHereItem(ownerId, 1));
        } else {                            // the owner followed the other on Instagram
            items.add(matches.youFollowedItem(ownerId, otherId, at));
            items.add(matches.followedYouItem(otherId, ownerId, at, false));
        }
        items.add(links.linkedItem(ownerId));
        items.add(links.linkedItem(otherId));
        // A refusal means the pair was counted already (recorded with it), or one of the two unlinked: both leave
        // nothing to do.
        transactions.write(items);
    }
}
