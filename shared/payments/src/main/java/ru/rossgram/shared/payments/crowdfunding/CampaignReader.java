package ru.rossgram.shared.payments.crowdfunding;

import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import ru.rossgram.shared.accounts.Account;
import ru.rossgram.shared.accounts.AccountRepository;
import ru.rossgram.shared.auth.Caller;
import ru.rossgram.shared.config.IdGenerator;
import ru.rossgram.shared.dynamo.ConcurrentReads;
import ru.rossgram.shared.paging.CursorCodec;
import ru.rossgram.shared.paging.Page;
import ru.rossgram.shared.paging.PageRequest;
import ru.rossgram.shared.problem.ProblemException;
import ru.rossgram.shared.problem.ProblemType;
import ru.rossgram.shared.social.PostVisibility;
import ru.rossgram.shared.social.UserLookup;

/**
 * Shows campaigns: a launched one to anyone signed in who may see its creator's posts (no block either way; a
 * private account's to its followers), a draft only to its creator. Lists are newest first, cursor-paged.
 */
@Singleton
public class CampaignReader {
    /** Queries one page of a profile's list may take to skip the creator's drafts; then the page comes short. */
    private static final int LIST_ROUNDS = 3;
    private static final String POSITION = "before";

    private final CampaignRepository campaigns;
    private final CampaignViews views;
    private final AccountRepository accounts;
    private final PostVisibility visibility;
    private final UserLookup users;
    private final ConcurrentReads reads;
    private final CursorCodec cursors;

    public CampaignReader(CampaignRepository campaigns, CampaignViews views, AccountRepository accounts,
                          PostVisibility visibility, UserLookup users, ConcurrentReads reads, CursorCodec cursors) {
        this.campaigns = campaigns;
        this.views = views;
        this.accounts = accounts;
        this.visibility = visibility;
        this.users = users;
        this.reads = reads;
        this.cursors = cursors;
    }

    /**
     * The campaign with its progress, rewards left and the caller's pledge: the campaign, then its totals (one
     * Query), the caller's pledge, the creator's account and whether the caller may see them, read at once.
     *
     * @throws ProblemException 404 for no such campaign, a draft of someone else's, or one whose creator the caller
     *         may not see (the same answer)
     */
    public CampaignView get(Caller caller, String campaignId) {
        Campaign campaign = find(campaigns, campaignId).orElseThrow(() -> notFound(campaignId));
        boolean creator = campaign.isCreator(caller.userId());
        if (!creator && campaign.status() == Campaign.Status.DRAFT) {
            throw notFound(campaignId);
        }
        var read = reads.both(
                () -> reads.both(() -> creator || visibility.canSee(caller.userId(), campaign.creatorId()),
                        () -> totals(campaign)),
                () -> reads.both(() -> campaigns.findPledge(campaign.campaignId(), caller.userId()),
                        () -> account(campaign.creatorId())));
        if (!read.first().first()) {
            throw notFound(campaignId);
        }
        return views.of(campaign, read.second().second(), read.first().second(), read.second().first());
    }

    /** The campaign as its creator sees it right after a change. */
    CampaignView forCreator(Campaign campaign) {
        var both = reads.both(() -> totals(campaign), () -> account(campaign.creatorId()));
        return views.of(campaign, both.second(), both.first(), Optional.empty());
    }

    /** The caller's campaigns, drafts included, newest first. @throws ProblemException 400 for a foreign cursor */
    public Page<CampaignView> mine(Caller caller, PageRequest request) {
        return page(caller.userId(), "campaigns-mine:" + caller.userId(), request, true);
    }

    /**
     * {@code username}'s launched campaigns, newest first.
     *
     * @throws ProblemException 404 for an unknown account or one the caller may not see; 400 for a foreign cursor
     */
    public Page<CampaignView> ofUser(Caller caller, String username, PageRequest request) {
        Account creator = users.byUsername(username);
        if (!visibility.canSee(caller.userId(), creator.userId())) {
            throw UserLookup.notFound(username); // the same answer as for no such account: nothing revealed
        }
        return page(creator.userId(), "campaigns:" + creator.userId(), request, creator.userId().equals(caller.userId()));
    }

    /**
     * A page of the creator's campaigns (their totals read at once). Without drafts, a page reads on past them for
     * at most {@value #LIST_ROUNDS} queries; if drafts fill those, the page comes short, with a cursor past them.
     */
    private Page<CampaignView> page(String creatorId, String purpose, PageRequest request, boolean drafts) {
        String position = request.cursor() == null ? null : cursors.decode(purpose, request.cursor()).get(POSITION);
        int limit = request.limit();
        List<Campaign> shown = new ArrayList<>();
        boolean exhausted = false;
        for (int round = 0; round < LIST_ROUNDS && shown.size() <= limit && !exhausted; round++) {
            List<Campaign> found = campaigns.ofCreator(creatorId, position, limit + 1);
            exhausted = found.size() <= limit;
            for (Campaign campaign : found) {
                position = CampaignRepository.listPosition(campaign);
                if (drafts || campaign.status() != Campaign.Status.DRAFT) {
                    shown.add(campaign);
                }
                if (shown.size() > limit) {
                    break;
                }
            }
        }
        String next = null;
        if (shown.size() > limit) {
            shown = shown.subList(0, limit);
            next = CampaignRepository.listPosition(shown.get(limit - 1));
        } else if (!exhausted) {
            next = position;
        }
        Account creator = account(creatorId);
        List<CampaignView> items = reads.map(shown, campaign -> views.of(campaign, creator, totals(campaign), Optional.empty()));
        return new Page<>(items, next == null ? null : cursors.encode(purpose, Map.of(POSITION, next)));
    }

    private CampaignTotals totals(Campaign campaign) {
        return campaign.status() == Campaign.Status.DRAFT ? CampaignTotals.NONE : campaigns.totals(campaign.campaignId());
    }

    private Account account(String userId) {
        return accounts.findById(userId).map(AccountRepository.StoredAccount::account).orElse(null);
    }

    /** The campaign, if {@code campaignId} is an id at all and one exists (a consistent read). */
    static Optional<Campaign> find(CampaignRepository campaigns, String campaignId) {
        return IdGenerator.isWellFormed(campaignId) ? campaigns.find(campaignId) : Optional.empty();
    }

    static ProblemException notFound(String campaignId) {
        return new ProblemException(ProblemType.NOT_FOUND, "There is no campaign '" + ProblemException.quote(campaignId) + "'.");
    }
}
