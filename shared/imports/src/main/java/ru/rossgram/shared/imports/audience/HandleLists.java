package ru.rossgram.shared.imports.audience;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Stores an export's follower or following list as the account's handle list, in bounded calls the import's
 * steps chain: each takes the list from an index, writes {@value HandleListRepository#CHUNK} handles at a time
 * (their chunk, then their index items, 25 a BatchWriteItem), matches them with the accounts here that linked them,
 * and stops when the list ends or its time is up. Every write lands at a key fixed by the handle and its position,
 * so a call repeated from the same index (a step killed halfway and retried) rewrites what it wrote, and a
 * match found twice is recorded once (see {@link AudienceMatcher}).
 */
@Singleton
public class HandleLists {
    private final HandleListRepository lists;
    private final InstagramLinkRepository links;
    private final AudienceMatcher matcher;
    private final Clock clock;

    public HandleLists(HandleListRepository lists, InstagramLinkRepository links, AudienceMatcher matcher, Clock clock) {
        this.lists = lists;
        this.links = links;
        this.matcher = matcher;
        this.clock = clock;
    }

    /**
     * Stores {@code handles} (lowercase Instagram names, as {@code InstagramExport} streams them) as
     * {@code ownerId}'s {@code list} from {@code startIndex} on, starting no new chunk once {@code budget} has
     * passed. Only a linked account keeps lists: the lists are the audience of the name it holds.
     *
     * @param handles the list's handles from {@code startIndex} on (the caller skips what earlier calls stored)
     * @return how far it got; {@code linked = false}, with nothing kept, when the account holds no name
     * @throws ru.rossgram.shared.problem.ProblemException 503 {@code busy} when the table keeps throttling (retry
     *         the call from the same index)
     */
    public ListProgress store(String ownerId, HandleList list, Iterator<String> handles, long startIndex,
                              Duration budget) {
        if (links.find(ownerId).isEmpty()) {
            return new ListProgress(startIndex, false, false, 0);
        }
        Instant deadline = clock.instant().plus(budget);
        long next = startIndex;
        int matched = 0;
        do {
            List<String> chunk = new ArrayList<>(HandleListRepository.CHUNK);
            while (chunk.size() < HandleListRepository.CHUNK && handles.hasNext()) {
                chunk.add(handles.next());
            }
            if (chunk.isEmpty()) {
                break;
            }
            HandleListRepository.Chunk stored = new HandleListRepository.Chunk(next, chunk);
            lists.putChunk(ownerId, list, stored); // first, so an unlink's cleanup finds whatever the index holds
            lists.putEntries(ownerId, list, chunk);
            if (links.find(ownerId).isEmpty()) {
                // Unlinked while writing: its cleanup may have passed this chunk's place, so take it back here.
                lists.deleteChunk(ownerId, list, stored);
                return new ListProgress(next, false, false, matched);
            }
            matched += matcher.matchChunk(ownerId, list, chunk);
            next += chunk.size();
        } while (clock.instant().isBefore(deadline));
        boolean finished = !handles.hasNext();
        links.recordListSize(ownerId, list, next);
        return new ListProgress(next, finished, true, matched);
    }
}
