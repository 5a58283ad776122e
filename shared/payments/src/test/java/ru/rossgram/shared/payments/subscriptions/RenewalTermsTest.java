package ru.rossgram.shared.payments.subscriptions;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import ru.rossgram.shared.money.Money;
import ru.rossgram.shared.payments.PaymentProvider;
import ru.rossgram.shared.subscriptions.CreatorTiers;
import ru.rossgram.shared.subscriptions.Tier;

class RenewalTermsTest {
    private static final Duration NOTICE = Duration.ofDays(30);
    private static final Instant ANCHOR = Instant.parse("2027-03-10T09:00:00Z");
    private static final Instant DUE = BillingCalendar.periodEnd(ANCHOR, 1);

    private static Subscription subscription(String tierId, long price, String pendingTierId) {
        return new Subscription("fan", "creator", tierId, Money.rub(price), Subscription.Status.ACTIVE, ANCHOR, 1, DUE,
                PaymentProvider.YOOKASSA, "pm-1", pendingTierId, 0, null, DUE, ANCHOR, ANCHOR, 3);
    }

    private static Tier tier(String id, int rank, long price, Instant priceSince, Tier.State state) {
        return new Tier(id, id, "", Money.rub(price), priceSince, rank, state, ANCHOR.minus(Duration.ofDays(100)));
    }

    private static CreatorTiers tiers(Tier... tiers) {
        return new CreatorTiers("creator", List.of(tiers), 4);
    }

    @Test
    void anUnchangedTierRenewsAtTheSubscriptionsPrice() {
        var terms = RenewalTerms.of(subscription("gold", 50_000, null),
                tiers(tier("gold", 2, 50_000, ANCHOR.minus(Duration.ofDays(90)), Tier.State.ACTIVE)), NOTICE);
        assertEquals(new RenewalTerms("gold", Money.rub(50_000)), terms);
    }

    @Test
    void aRiseAppliesOnlyWhenMadeANoticePeriodBeforeTheDueDate() {
        Instant longAgo = DUE.minus(NOTICE);
        Instant tooRecent = DUE.minus(NOTICE).plusSeconds(1);
        assertEquals(Money.rub(70_000), RenewalTerms.of(subscription("gold", 50_000, null),
                tiers(tier("gold", 2, 70_000, longAgo, Tier.State.ACTIVE)), NOTICE).amount());
        assertEquals(Money.rub(50_000), RenewalTerms.of(subscription("gold", 50_000, null),
                tiers(tier("gold", 2, 70_000, tooRecent, Tier.State.ACTIVE)), NOTICE).amount());
    }

    @Test
    void aFallAppliesAtTheNextRenewal_howeverRecent() {
        assertEquals(Money.rub(30_000), RenewalTerms.of(subscription("gold", 50_000, null),
                tiers(tier("gold", 2, 30_000, DUE.minusSeconds(60), Tier.State.ACTIVE)), NOTICE).amount());
    }

    @Test
    void aHiddenArchivedOrRemovedTierRenewsAtTheSubscriptionsPrice() {
        Instant longAgo = DUE.minus(Duration.ofDays(200));
        for (Tier.State state : List.of(Tier.State.HIDDEN, Tier.State.ARCHIVED)) {
            assertEquals(new RenewalTerms("gold", Money.rub(50_000)), RenewalTerms.of(subscription("gold", 50_000, null),
                    tiers(tier("gold", 2, 90_000, longAgo, state)), NOTICE), state.wire());
            assertEquals(new RenewalTerms("gold", Money.rub(50_000)), RenewalTerms.of(subscription("gold", 50_000, null),
                    tiers(tier("gold", 2, 10_000, longAgo, state)), NOTICE), state.wire());
        }
        assertEquals(new RenewalTerms("gold", Money.rub(50_000)), RenewalTerms.of(subscription("gold", 50_000, null),
                tiers(tier("silver", 1, 10_000, longAgo, Tier.State.ACTIVE)), NOTICE));
    }

    @Test
    void aWaitingDowngradeRenewsTheLowerTierAtItsPrice_andAVanishedOneIsIgnored() {
        Instant since = DUE.minus(Duration.ofDays(200));
        CreatorTiers both = tiers(tier("silver", 1, 20_000, since, Tier.State.ACTIVE), tier("gold", 2, 50_000, since, Tier.State.ACTIVE));
        assertEquals(new RenewalTerms("silver", Money.rub(20_000)), RenewalTerms.of(subscription("gold", 50_000, "silver"), both, NOTICE));
        assertEquals(new RenewalTerms("gold", Money.rub(50_000)), RenewalTerms.of(subscription("gold", 50_000, "bronze"), both, NOTICE));
    }
}
