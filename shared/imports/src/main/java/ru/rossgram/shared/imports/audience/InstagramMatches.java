package ru.rossgram.shared.imports.audience;

import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import ru.rossgram.shared.accounts.Account;
import ru.rossgram.shared.accounts.AccountRepository;
import ru.rossgram.shared.accounts.AccountViews;
import ru.rossgram.shared.auth.Caller;
import ru.rossgram.shared.config.RossgramConfig;
import ru.rossgram.shared.dynamo.BatchReads;
import ru.rossgram.shared.paging.CursorCodec;
import ru.rossgram.shared.paging.Page;
import ru.rossgram.shared.paging.PageRequest;
import ru.rossgram.shared.problem.ProblemException;
import ru.rossgram.shared.problem.ProblemType;
import ru.rossgram.shared.social.BlockRepository;
import ru.rossgram.shared.social.FollowRepository;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The viewer's matches as they stand now: accounts here, still linked, that the viewer neither follows nor asked
 * to follow, and that block the viewer neither way. Each page reads its match items, then one BatchGet of the
 * candidates' profiles, links, the viewer's edges and requests to them and the blocks both ways; filtered-out items
 * are skipped, reading at most {@value #ROUNDS} match pages per call.
 */
@Singleton
public class InstagramMatches {
    static final int ROUNDS = 5;
    private static final String CURSOR_PURPOSE = "instagram-matches";

    private final InstagramLinkRepository links;
    private final MatchRepository matches;
    private final BatchReads batchReads;
    private final AccountViews views;
    private final CursorCodec cursors;
    private final String table;

    public InstagramMatches(InstagramLinkRepository links, MatchRepository matches, BatchReads batchReads,
                            AccountViews views, CursorCodec cursors, RossgramConfig config) {
        this.links = links;
        this.matches = matches;
        this.batchReads = batchReads;
        this.views = views;
        this.cursors = cursors;
        this.table = config.table();
    }

    /**
     * A page of the caller's matches, in a stable order (by account id); a page may hold fewer than asked while
     * {@code nextCursor} says more may follow.
     *
     * @throws ProblemException 404 {@code not-found} when the caller has no Instagram name linked; 400
     *         {@code invalid-cursor}
     */
    public Page<InstagramMatch> page(Caller caller, PageRequest request) {
        String me = caller.userId();
        if (links.find(me).isEmpty()) {
            throw notLinked();
        }
        String after = request.cursor() == null ? null : cursors.decode(CURSOR_PURPOSE + ":" + me, request.cursor()).get("after");
        List<InstagramMatch> shown = new ArrayList<>();
        String lastSeen = after;
        boolean more = true;
        for (int round = 0; round < ROUNDS && more && shown.size() < request.limit(); round++) {
            MatchRepository.MatchPage page = matches.page(me, lastSeen, request.limit());
            Map<String, InstagramMatch> visible = visible(me, page.matches());
            int taken = 0;
            for (MatchRepository.Match match : page.matches()) {
                if (shown.size() == request.limit()) {
                    break;
                }
                taken++;
                lastSeen = match.otherId();
                InstagramMatch view = visible.get(match.otherId());
                if (view != null) {
                    shown.add(view);
                }
            }
            more = taken < page.matches().size() || page.after() != null;
        }
        String next = more && lastSeen != null ? cursors.encode(CURSOR_PURPOSE + ":" + me, Map.of("after", lastSeen)) : null;
        return new Page<>(shown, next);
    }

    static ProblemException notLinked() {
        return new ProblemException(ProblemType.NOT_FOUND, "No Instagram name is linked to this account.");
    }

    /** The matches still worth suggesting, by account id. */
    private Map<String, InstagramMatch> visible(String me, List<MatchRepository.Match> candidates) {
        if (candidates.isEmpty()) {
            return Map.of();
        }
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        for (MatchRepository.Match match : candidates) {
            String other = match.otherId();
            keys.add(AccountRepository.profileKey(other));
            keys.add(InstagramLinkRepository.linkKey(other));
            keys.add(FollowRepository.edgeKey(me, other));
            keys.add(FollowRepository.requestKey(other, me));
            keys.add(BlockRepository.blockKey(me, other));
            keys.add(BlockRepository.blockKey(other, me));
        }
        List<Map<String, AttributeValue>> items = batchReads.consistent(table, keys);
        Set<Map<String, AttributeValue>> present = new HashSet<>();
        Map<String, Account> profiles = new java.util.HashMap<>();
        for (Map<String, AttributeValue> item : items) {
            present.add(Map.of("pk", item.get("pk"), "sk", item.get("sk")));
            if (AccountRepository.isProfile(item)) {
                Account account = AccountRepository.accountFrom(item);
                profiles.put(account.userId(), account);
            }
        }
        Map<String, InstagramMatch> visible = new java.util.HashMap<>();
        for (MatchRepository.Match match : candidates) {
            String other = match.otherId();
            Account account = profiles.get(other);
            boolean hidden = account == null || account.instagramUsername() == null
                    || !present.contains(InstagramLinkRepository.linkKey(other))
                    || present.contains(FollowRepository.edgeKey(me, other))
                    || present.contains(FollowRepository.requestKey(other, me))
                    || present.contains(BlockRepository.blockKey(me, other))
                    || present.contains(BlockRepository.blockKey(other, me));
            if (!hidden) {
                visible.put(other, new InstagramMatch(other, account.username(), account.displayName(),
                        views.avatar(account.avatar()), account.privateAccount(), account.instagramUsername(),
                        match.youFollowed(), match.followedYou(),
                        MatchWhy.of(account.instagramUsername(), match.youFollowed(), match.followedYou())));
            }
        }
        return visible;
    }
}
