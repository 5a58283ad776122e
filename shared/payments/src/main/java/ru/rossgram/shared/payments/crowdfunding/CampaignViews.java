package ru.rossgram.shared.payments.crowdfunding;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import ru.rossgram.shared.accounts.Account;
import ru.rossgram.shared.accounts.AccountViews;
import ru.rossgram.shared.media.MediaStore;
import ru.rossgram.shared.media.PhotoRecord;
import ru.rossgram.shared.money.Money;
import ru.rossgram.shared.payments.PaymentView.Amount;
import ru.rossgram.shared.posts.PostView;
import ru.rossgram.shared.social.UserSummary;

/** Turns a campaign, its totals and the caller's pledge, read by the caller, into what responses show. */
@Singleton
public class CampaignViews {
    private final MediaStore media;
    private final AccountViews accounts;
    private final Clock clock;

    public CampaignViews(MediaStore media, AccountViews accounts, Clock clock) {
        this.media = media;
        this.accounts = accounts;
        this.clock = clock;
    }

    /**
     * @param creator the creator's account, or null if it no longer exists
     * @param totals  {@link CampaignTotals#NONE} for a draft, which has none
     * @param pledge  the caller's pledge, if shown
     */
    public CampaignView of(Campaign campaign, Account creator, CampaignTotals totals, Optional<Pledge> pledge) {
        Instant now = clock.instant();
        Long secondsLeft = campaign.status() == Campaign.Status.LIVE
                ? Math.max(0, Duration.between(now, campaign.deadline()).toSeconds()) : null;
        String currency = campaign.goal().currency();
        CampaignView.Progress progress = new CampaignView.Progress(amount(totals.pledged(), currency),
                amount(totals.collected(), currency), amount(totals.dropped(), currency), totals.backers(),
                totals.pledged() * 100 / campaign.goal().minor(), secondsLeft);
        List<CampaignView.RewardView> rewards = campaign.rewards().stream().map(reward -> {
            long claimed = totals.claimed(reward.rewardId());
            return new CampaignView.RewardView(reward.rewardId(), reward.title(), blankAsNull(reward.description()),
                    amount(reward.minimum()), reward.deliveryEstimate(), reward.limit(), claimed,
                    reward.limit() == null ? null : Math.max(0, reward.limit() - claimed));
        }).toList();
        CampaignView.YourPledge yourPledge = pledge.map(p -> new CampaignView.YourPledge(amount(p.amount()),
                p.rewardId(), p.state().wire())).orElse(null);
        return new CampaignView(campaign.campaignId(), creator(campaign, creator), campaign.title(),
                blankAsNull(campaign.description()), cover(campaign.cover()), amount(campaign.goal()),
                campaign.deadline(), campaign.mode().wire(), campaign.status().wire(), campaign.createdAt(),
                campaign.launchedAt(), campaign.endedAt(), progress, rewards, yourPledge);
    }

    private UserSummary creator(Campaign campaign, Account creator) {
        return creator == null ? new UserSummary(campaign.creatorId(), null, null, null)
                : new UserSummary(creator.userId(), creator.username(), creator.displayName(),
                accounts.avatar(creator.avatar()));
    }

    /** The cover as post photos show: every rendition (a cover is an upload of purpose post, never locked). */
    private PostView.PhotoView cover(PhotoRecord cover) {
        return cover == null ? null : new PostView.PhotoView(cover.width(), cover.height(), cover.dominantColor(),
                cover.placeholder(), null, media.thumbnailUrls(cover));
    }

    private static Amount amount(Money money) {
        return new Amount(money.minor(), money.currency());
    }

    private static Amount amount(long minor, String currency) {
        return new Amount(minor, currency);
    }

    private static String blankAsNull(String text) {
        return text.isEmpty() ? null : text;
    }
}
