package ru.rossgram.shared.payments.crowdfunding;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import ru.rossgram.shared.auth.Caller;
import ru.rossgram.shared.config.IdGenerator;
import ru.rossgram.shared.dynamo.Contention;
import ru.rossgram.shared.dynamo.TransactionWriter;
import ru.rossgram.shared.media.PhotoRecord;
import ru.rossgram.shared.money.Money;
import ru.rossgram.shared.problem.ProblemException;
import ru.rossgram.shared.problem.ProblemType;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * A creator's campaigns: written as drafts, launched, cancelled (docs/crowdfunding.md). Every change reads the
 * campaign, decides, and writes it conditioned on the version read, so a change racing another (or the closing job)
 * reads again and decides again.
 */
@Singleton
public class CampaignService {
    /** A lost round means another change of the same campaign landed first; its creator is one person. */
    private static final int ATTEMPTS = 8;
    private static final String CONTENDING = "The campaign is changing too fast; retry shortly.";

    private final CampaignRepository campaigns;
    private final CampaignCovers covers;
    private final CampaignReader reader;
    private final TransactionWriter transactions;
    private final IdGenerator ids;
    private final Clock clock;
    private final CrowdfundingConfig config;

    public CampaignService(CampaignRepository campaigns, CampaignCovers covers, CampaignReader reader,
                           TransactionWriter transactions, IdGenerator ids, Clock clock, CrowdfundingConfig config) {
        this.campaigns = campaigns;
        this.covers = covers;
        this.reader = reader;
        this.transactions = transactions;
        this.ids = ids;
        this.clock = clock;
        this.config = config;
    }

    /**
     * Writes a draft: nobody but its creator sees it until it is launched.
     *
     * @throws ProblemException 400 for invalid fields; 422 {@code deadline-out-of-range}, and the cover's problems
     *         ({@link CampaignCovers#photoOf})
     */
    public CampaignView create(Caller caller, NewCampaign request) {
        Instant now = clock.instant();
        String title = CampaignRules.title(request.title());
        String description = CampaignRules.description(request.description());
        Money goal = CampaignRules.goal(request.goal());
        Campaign.Mode mode = CampaignRules.mode(request.mode());
        List<Reward> rewards = CampaignRules.rewards(request.rewards(), now, ids::newUnrelatedId);
        Instant deadline = CampaignRules.deadline(request.deadline(), now, config);
        PhotoRecord cover = request.coverUploadId() == null ? null : covers.photoOf(caller.userId(), request.coverUploadId());
        Campaign draft = new Campaign(ids.newId(), caller.userId(), title, description, cover, goal, deadline, mode,
                Campaign.Status.DRAFT, rewards, null, null, now, null, null, now, 1);
        if (transactions.write(campaigns.saveItems(null, draft)).isPresent()) {
            throw new IllegalStateException("a new campaign id is taken: " + draft.campaignId());
        }
        return reader.forCreator(draft);
    }

    /**
     * Changes a campaign: a draft, any field; a launched one, its title, description and cover only.
     *
     * @throws ProblemException 400 for invalid fields; 404 for no such campaign of the caller's; 409
     *         {@code campaign-locked} for a launched campaign's goal, deadline, mode or rewards; 422
     *         {@code deadline-out-of-range}, and the cover's problems
     */
    public CampaignView edit(Caller caller, String campaignId, CampaignEdit edit) {
        Instant asked = clock.instant();
        String title = edit.title() == null ? null : CampaignRules.title(edit.title());
        String description = edit.description() == null ? null : CampaignRules.description(edit.description());
        Money goal = edit.goal() == null ? null : CampaignRules.goal(edit.goal());
        Campaign.Mode mode = edit.mode() == null ? null : CampaignRules.mode(edit.mode());
        List<Reward> rewards = edit.rewards() == null ? null
                : CampaignRules.rewards(edit.rewards(), asked, ids::newUnrelatedId);
        Instant deadline = edit.deadline() == null ? null : CampaignRules.deadline(edit.deadline(), asked, config);
        PhotoRecord cover = edit.coverUploadId() == null ? null : covers.photoOf(caller.userId(), edit.coverUploadId());
        return change(caller, campaignId, seen -> {
            if (seen.status() != Campaign.Status.DRAFT && edit.changesTerms()) {
                throw new ProblemException(ProblemType.CAMPAIGN_LOCKED, "Campaign " + seen.campaignId() + " is "
                        + seen.status().wire() + ": its goal, deadline, mode and rewards are fixed; only its title,"
                        + " description and cover may change.");
            }
            Instant now = clock.instant();
            return new Campaign(seen.campaignId(), seen.creatorId(), or(title, seen.title()),
                    or(description, seen.description()), or(cover, seen.cover()), or(goal, seen.goal()),
                    or(deadline, seen.deadline()), or(mode, seen.mode()), seen.status(), or(rewards, seen.rewards()),
                    seen.dueAt(), seen.closeCursor(), seen.createdAt(), seen.launchedAt(), seen.endedAt(), now,
                    seen.version() + 1);
        });
    }

    /**
     * Launches a draft: live, its terms fixed, taking pledges until its deadline, when the closing job takes it (its
     * due marker, at the deadline).
     *
     * @throws ProblemException 404 for no such campaign of the caller's; 409 {@code campaign-not-draft} for one
     *         launched already; 422 {@code deadline-out-of-range} when its deadline is no longer in range from now
     */
    public CampaignView launch(Caller caller, String campaignId) {
        return change(caller, campaignId, seen -> {
            if (seen.status() != Campaign.Status.DRAFT) {
                throw notDraft(seen);
            }
            Instant now = clock.instant();
            CampaignRules.deadlineInRange(seen.deadline(), now, config);
            return new Campaign(seen.campaignId(), seen.creatorId(), seen.title(), seen.description(), seen.cover(),
                    seen.goal(), seen.deadline(), seen.mode(), Campaign.Status.LIVE, seen.rewards(), seen.deadline(),
                    null, seen.createdAt(), now, null, now, seen.version() + 1);
        });
    }

    /**
     * Cancels a live campaign: pledging closes in the same transaction, and the closing job, due at once, works
     * through its pledges (all or nothing: nobody is charged; keep what you raise: collected pledges refunded).
     *
     * @throws ProblemException 404 for no such campaign of the caller's; 409 {@code campaign-not-live} for a draft
     *         (delete it instead) or an ended campaign
     */
    public CampaignView cancel(Caller caller, String campaignId) {
        return Contention.retry(ATTEMPTS, CONTENDING, () -> {
            Campaign seen = own(caller, campaignId);
            if (seen.status() != Campaign.Status.LIVE) {
                throw new ProblemException(ProblemType.CAMPAIGN_NOT_LIVE, "Campaign " + seen.campaignId() + " is "
                        + seen.status().wire() + "; only a live campaign can be cancelled"
                        + (seen.status() == Campaign.Status.DRAFT ? " (delete a draft instead)." : "."));
            }
            Instant now = clock.instant();
            Campaign cancelled = new Campaign(seen.campaignId(), seen.creatorId(), seen.title(), seen.description(),
                    seen.cover(), seen.goal(), seen.deadline(), seen.mode(), Campaign.Status.CANCELLED, seen.rewards(),
                    now, null, seen.createdAt(), seen.launchedAt(), now, now, seen.version() + 1);
            List<TransactWriteItem> items = new ArrayList<>(campaigns.saveItems(seen, cancelled));
            items.addAll(campaigns.closeItems(seen.campaignId(), now));
            return transactions.write(items).isEmpty() ? Optional.of(reader.forCreator(cancelled)) : Optional.empty();
        });
    }

    /**
     * Deletes a draft (nobody saw or backed it). A launched campaign stays, as its backers' record.
     *
     * @throws ProblemException 404 for no such campaign of the caller's; 409 {@code campaign-not-draft}
     */
    public void delete(Caller caller, String campaignId) {
        Contention.retry(ATTEMPTS, CONTENDING, () -> {
            Campaign seen = own(caller, campaignId);
            if (seen.status() != Campaign.Status.DRAFT) {
                throw notDraft(seen);
            }
            return transactions.write(campaigns.deleteItems(seen)).isEmpty() ? Optional.of(seen) : Optional.empty();
        });
    }

    private interface Change {
        Campaign next(Campaign seen);
    }

    private CampaignView change(Caller caller, String campaignId, Change change) {
        return Contention.retry(ATTEMPTS, CONTENDING, () -> {
            Campaign seen = own(caller, campaignId);
            Campaign next = change.next(seen);
            return transactions.write(campaigns.saveItems(seen, next)).isEmpty()
                    ? Optional.of(reader.forCreator(next)) : Optional.empty();
        });
    }

    /** @throws ProblemException 404 unless the caller created it (another's campaign is not theirs to change) */
    private Campaign own(Caller caller, String campaignId) {
        return CampaignReader.find(campaigns, campaignId).filter(c -> c.isCreator(caller.userId()))
                .orElseThrow(() -> CampaignReader.notFound(campaignId));
    }

    private static ProblemException notDraft(Campaign campaign) {
        return new ProblemException(ProblemType.CAMPAIGN_NOT_DRAFT, "Campaign " + campaign.campaignId() + " is "
                + campaign.status().wire() + ", launched already.");
    }

    private static <T> T or(T changed, T kept) {
        return changed == null ? kept : changed;
    }
}
