package ru.rossgram.shared.posts;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import ru.rossgram.shared.subscriptions.CreatorTiers;
import ru.rossgram.shared.subscriptions.SubscriptionAccess;
import ru.rossgram.shared.subscriptions.TierRepository;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What opens gated posts for one reader: the posts she bought, her subscriptions' access by creator, and those
 * creators' tiers (a subscriber's rank is her tier's rank now). Read in the same batch as whatever else a page needs:
 * {@link #keys} names the items, {@link Collector} recognises them among the batch's answers.
 *
 * @param bought        ids of the posts she bought (a grant that stands)
 * @param subscriptions her access to each creator she subscribes to, by creator id
 * @param tiers         the creators' tiers, by creator id (absent: the creator never defined a tier)
 */
public record Unlocks(Set<String> bought, Map<String, SubscriptionAccess.Access> subscriptions,
                      Map<String, CreatorTiers> tiers) {
    public static final Unlocks NONE = new Unlocks(Set.of(), Map.of(), Map.of());

    /** Whether a post needs anything of {@code viewerId}'s to show its photos: it is gated, and not hers. */
    public static boolean locks(Post post, String viewerId) {
        return post.gated() && !post.isAuthor(viewerId);
    }

    /**
     * Whether {@code viewerId} sees {@code post}'s photos at {@code now}: a post that is not gated, her own, one she
     * bought, or one for subscribers whose access opens its rank.
     */
    public boolean opens(Post post, String viewerId, Instant now) {
        if (!locks(post, viewerId)) {
            return true;
        }
        if (post.paid() && bought.contains(post.postId())) {
            return true;
        }
        if (!post.forSubscribers()) {
            return false;
        }
        SubscriptionAccess.Access access = subscriptions.get(post.authorId());
        return access != null && access.opens(post.minTierRank(),
                tiers.getOrDefault(post.authorId(), CreatorTiers.none(post.authorId())), now);
    }

    /** Both reads' findings. */
    public Unlocks with(Unlocks other) {
        Set<String> allBought = new HashSet<>(bought);
        allBought.addAll(other.bought);
        Map<String, SubscriptionAccess.Access> allAccess = new HashMap<>(subscriptions);
        allAccess.putAll(other.subscriptions);
        Map<String, CreatorTiers> allTiers = new HashMap<>(tiers);
        allTiers.putAll(other.tiers);
        return new Unlocks(allBought, allAccess, allTiers);
    }

    /** The keys of what opening {@code posts} for {@code viewerId} needs; none for posts she needs nothing for. */
    public static List<Map<String, AttributeValue>> keys(String viewerId, List<Post> posts) {
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        for (Post post : posts) {
            if (locks(post, viewerId)) {
                keys.addAll(keys(viewerId, post.postId(), post.authorId(), post.paid(), post.forSubscribers()));
            }
        }
        return keys.stream().distinct().toList();
    }

    /**
     * The keys of what opening one gated post by another needs: her grant if it is for sale; her access to its author
     * and the author's tiers if it is for subscribers. (A feed item knows only that its post is gated: it asks both.)
     */
    public static List<Map<String, AttributeValue>> keys(String viewerId, String postId, String authorId,
                                                         boolean forSale, boolean forSubscribers) {
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        if (forSale) {
            keys.add(AccessGrants.key(viewerId, postId));
        }
        if (forSubscribers) {
            keys.add(SubscriptionAccess.key(viewerId, authorId));
            keys.add(TierRepository.key(authorId));
        }
        return keys;
    }

    /** Sorts a batch read's items: takes those that are grants, access or tiers. */
    public static final class Collector {
        private final Set<String> bought = new HashSet<>();
        private final Map<String, SubscriptionAccess.Access> subscriptions = new HashMap<>();
        private final Map<String, CreatorTiers> tiers = new HashMap<>();

        /** @return whether {@code item} was one of these (and was taken) */
        public boolean accept(Map<String, AttributeValue> item) {
            if (AccessGrants.isGrant(item)) {
                if (AccessGrants.grants(item)) {
                    bought.add(AccessGrants.grantedPostOf(item));
                }
                return true;
            }
            if (SubscriptionAccess.isAccess(item)) {
                SubscriptionAccess.Access access = SubscriptionAccess.fromItem(item);
                subscriptions.put(access.creatorId(), access);
                return true;
            }
            if (TierRepository.isTiers(item)) {
                CreatorTiers found = TierRepository.fromItem(item);
                tiers.put(found.creatorId(), found);
                return true;
            }
            return false;
        }

        public Unlocks unlocks() {
            return new Unlocks(Set.copyOf(bought), Map.copyOf(subscriptions), Map.copyOf(tiers));
        }
    }
}
