package ru.rossgram.shared.payments.crowdfunding;

import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import ru.rossgram.shared.accounts.Account;
import ru.rossgram.shared.accounts.AccountRepository;
import ru.rossgram.shared.auth.Caller;
import ru.rossgram.shared.paging.CursorCodec;
import ru.rossgram.shared.paging.PageRequest;
import ru.rossgram.shared.payments.PaymentView;
import ru.rossgram.shared.problem.ProblemException;
import ru.rossgram.shared.problem.ProblemType;

/** What a backer pledged ({@code GET /v1/me/pledges}), and who backs a creator's campaign. */
@Singleton
public class PledgeLists {
    private final CampaignRepository campaigns;
    private final AccountRepository accounts;
    private final CursorCodec cursors;

    public PledgeLists(CampaignRepository campaigns, AccountRepository accounts, CursorCodec cursors) {
        this.campaigns = campaigns;
        this.accounts = accounts;
        this.cursors = cursors;
    }

    /** A page of the caller's pledges, newest first, each with its campaign. */
    public PledgeList mine(Caller caller, PageRequest request) {
        String purpose = "pledges:" + caller.userId();
        String before = request.cursor() == null ? null : cursors.decode(purpose, request.cursor()).get("before");
        List<Pledge> page = campaigns.ofBacker(caller.userId(), before, request.limit());
        Map<String, Campaign> backed = campaigns.findAll(page.stream().map(Pledge::campaignId).toList());
        List<PledgeView> views = page.stream().map(p -> PledgeView.of(p, backed.get(p.campaignId()))).toList();
        String next = page.size() == request.limit()
                ? cursors.encode(purpose, Map.of("before", CampaignRepository.listPosition(page.get(page.size() - 1)))) : null;
        return new PledgeList(views, next);
    }

    /** A page of the caller's pledges. */
    public record PledgeList(List<PledgeView> items, String nextCursor) {
    }

    /**
     * A page of the backers of the caller's campaign, in backer id order, read consistently.
     *
     * @throws ProblemException 404 unless the caller created the campaign; 400 for a cursor not issued for it
     */
    public BackerList backers(Caller caller, String campaignId, PageRequest request) {
        Campaign campaign = campaigns.find(campaignId).filter(c -> c.isCreator(caller.userId()))
                .orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND, "You have no such campaign."));
        String purpose = "backers:" + campaignId;
        String after = request.cursor() == null ? null : cursors.decode(purpose, request.cursor()).get("after");
        List<Pledge> page = campaigns.pledges(campaignId, after, request.limit());
        Map<String, Account> backers = accounts.findAllById(page.stream().map(Pledge::backerId).toList());
        List<BackerList.Backer> items = new ArrayList<>();
        for (Pledge pledge : page) {
            Account backer = backers.get(pledge.backerId());
            PledgeView view = PledgeView.of(pledge, campaign);
            items.add(new BackerList.Backer(pledge.backerId(), backer == null ? null : backer.username(), pledge.pledgeId(),
                    new PaymentView.Amount(pledge.amount().minor(), pledge.amount().currency()), view.reward(),
                    view.state(), pledge.createdAt()));
        }
        String next = page.size() == request.limit()
                ? cursors.encode(purpose, Map.of("after", page.get(page.size() - 1).backerId())) : null;
        return new BackerList(items, next);
    }
}
