package ru.rossgram.shared.explore;

import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import ru.rossgram.shared.accounts.Account;
import ru.rossgram.shared.accounts.AccountRepository;
import ru.rossgram.shared.config.RossgramConfig;
import ru.rossgram.shared.dynamo.BatchReads;
import ru.rossgram.shared.engagement.LikeRepository;
import ru.rossgram.shared.posts.Post;
import ru.rossgram.shared.posts.PostRepository;
import ru.rossgram.shared.social.BlockRepository;
import ru.rossgram.shared.social.FollowRepository;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The one BatchGet of an explore page: for the candidates it looks at, their posts and the reader's likes of them,
 * and for their authors the reader's follow edges, blocks both ways, her mutes, and the profiles. Each repository
 * builds its keys and recognises its items.
 */
@Singleton
class ExplorePageReads {
    private final BatchReads batchReads;
    private final String table;

    ExplorePageReads(BatchReads batchReads, RossgramConfig config) {
        this.batchReads = batchReads;
        this.table = config.table();
    }

    /**
     * What the reads found.
     *
     * @param hidden authors the reader follows, blocks, is blocked by or mutes
     */
    record Found(Map<String, Post> posts, Set<String> liked, Set<String> hidden, Map<String, Account> authors) {
    }

    Found of(String me, List<ExploreRanking.Candidate> candidates) {
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        Set<String> authors = new LinkedHashSet<>();
        for (ExploreRanking.Candidate candidate : candidates) {
            keys.add(PostRepository.key(candidate.postId()));
            keys.add(LikeRepository.key(candidate.postId(), me));
            authors.add(candidate.authorId());
        }
        for (String author : authors) {
            keys.add(FollowRepository.edgeKey(me, author));
            keys.add(BlockRepository.blockKey(me, author));
            keys.add(BlockRepository.blockKey(author, me));
            keys.add(BlockRepository.muteKey(me, author));
            keys.add(AccountRepository.profileKey(author));
        }
        Map<String, Post> posts = new HashMap<>();
        Set<String> liked = new HashSet<>();
        Set<String> hidden = new HashSet<>();
        Map<String, Account> profiles = new HashMap<>();
        for (Map<String, AttributeValue> item : batchReads.consistent(table, keys)) {
            if (PostRepository.isPost(item)) {
                Post post = PostRepository.postFrom(item);
                posts.put(post.postId(), post);
            } else if (LikeRepository.isLike(item)) {
                liked.add(LikeRepository.likedPostOf(item));
            } else if (FollowRepository.isFollowEdge(item)) {
                hidden.add(FollowRepository.followeeOf(item));
            } else if (BlockRepository.isBlock(item) || BlockRepository.isMute(item)) {
                hidden.add(BlockRepository.otherParty(item, me));
            } else if (AccountRepository.isProfile(item)) {
                Account account = AccountRepository.accountFrom(item);
                profiles.put(account.userId(), account);
            }
        }
        return new Found(posts, liked, hidden, profiles);
    }
}
