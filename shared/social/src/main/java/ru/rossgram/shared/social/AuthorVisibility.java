package ru.rossgram.shared.social;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import ru.rossgram.shared.accounts.Account;
import ru.rossgram.shared.accounts.AccountRepository;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Whether a viewer may see several authors' posts, from items read in the same batch as whatever else a page
 * needs: {@link #keys} names them (each author's profile, the blocks both ways, the viewer's edge to the author),
 * {@link Collector} recognises them among the batch's answers and applies the rule: never across a block, a private
 * account's posts only for its followers, one's own always.
 */
public final class AuthorVisibility {
    private AuthorVisibility() {
    }

    /** The keys deciding whether {@code viewerId} may see each of {@code authorIds}' posts (her own need none). */
    public static List<Map<String, AttributeValue>> keys(String viewerId, Collection<String> authorIds) {
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        for (String authorId : new LinkedHashSet<>(authorIds)) {
            keys.add(AccountRepository.profileKey(authorId));
            if (!authorId.equals(viewerId)) {
                keys.add(BlockRepository.blockKey(authorId, viewerId));
                keys.add(BlockRepository.blockKey(viewerId, authorId));
                keys.add(FollowRepository.edgeKey(viewerId, authorId));
            }
        }
        return keys;
    }

    /** Gathers the items {@link #keys} named, for one viewer. */
    public static final class Collector {
        private final String viewerId;
        private final Map<String, Account> profiles = new HashMap<>();
        private final Set<String> privateAccounts = new HashSet<>();
        private final Set<String> blockedEitherWay = new HashSet<>();
        private final Set<String> followed = new HashSet<>();

        public Collector(String viewerId) {
            this.viewerId = viewerId;
        }

        /** Keeps {@code item} if it is a profile, a block or a follow edge; answers whether it did. */
        public boolean accept(Map<String, AttributeValue> item) {
            if (AccountRepository.isProfile(item)) {
                Account account = AccountRepository.accountFrom(item);
                profiles.put(account.userId(), account);
                if (AccountRepository.isPrivate(item)) {
                    privateAccounts.add(account.userId());
                }
            } else if (BlockRepository.isBlock(item)) {
                blockedEitherWay.add(BlockRepository.otherParty(item, viewerId));
            } else if (FollowRepository.isFollowEdge(item)) {
                followed.add(FollowRepository.followeeOf(item));
            } else {
                return false;
            }
            return true;
        }

        /** Whether the viewer may see {@code authorId}'s posts. */
        public boolean canSee(String authorId) {
            if (authorId.equals(viewerId)) {
                return true;
            }
            return !blockedEitherWay.contains(authorId) && (!privateAccounts.contains(authorId) || followed.contains(authorId));
        }

        /** The authors' accounts that were read (an account since deleted is absent). */
        public Map<String, Account> profiles() {
            return profiles;
        }
    }
}
