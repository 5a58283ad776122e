package ru.rossgram.shared.payments;

import ru.rossgram.shared.money.Money;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class LedgerAccountsTest {
    private static final Payment PAYMENT = new Payment("01JD0000000000000000000001", "buyer1", "creator1",
            new Purchase(Purchase.Kind.POST, "01JD0000000000000000000002"), Money.rub(19900), Money.rub(3980),
            PaymentProvider.TBANK, 7, "123", null, PaymentState.PENDING, null, Instant.EPOCH, Instant.EPOCH, 1);

    @Test
    void aSale_takesThePriceFromTheBuyer_andSplitsItBetweenCreatorAndPlatform() {
        Posting sale = LedgerAccounts.sale(PAYMENT);
        assertEquals(3, sale.entries().size());
        assertEquals(new Posting.Entry("buyer:buyer1", Money.rub(-19900), "purchase"), sale.entries().get(0));
        assertEquals(new Posting.Entry("creator:creator1", Money.rub(15920), "sale"), sale.entries().get(1));
        assertEquals(Money.rub(3980), sale.entries().get(2).amount());
        assertEquals("fee", sale.entries().get(2).kind());
    }

    @Test
    void aReversal_undoesEveryLine_onTheSameAccounts() {
        Posting sale = LedgerAccounts.sale(PAYMENT);
        Posting refund = sale.reversed();
        for (int i = 0; i < sale.entries().size(); i++) {
            assertEquals(sale.entries().get(i).account(), refund.entries().get(i).account());
            assertEquals(sale.entries().get(i).amount().negate(), refund.entries().get(i).amount());
            assertEquals("refund", refund.entries().get(i).kind());
        }
    }

    @Test
    void aPostingThatDoesNotBalance_cannotBeMade() {
        assertThrows(IllegalArgumentException.class, () -> new Posting("p", "post", List.of(
                new Posting.Entry("buyer:a", Money.rub(-100), "purchase"), new Posting.Entry("creator:b", Money.rub(99), "sale"))));
    }

    private static Payment pledgePayment(PledgeCharge.Reason reason, long kopecks, long fee) {
        return new Payment("01JD0000000000000000000009", "backer1", "creator1",
                new Purchase(Purchase.Kind.PLEDGE, "campaign1"), Money.rub(kopecks), Money.rub(fee), PaymentProvider.YOOKASSA,
                8, "124", null, PaymentState.PENDING, null, Instant.EPOCH, Instant.EPOCH, 1, null, null,
                new PledgeCharge("pledge1", reason, 1));
    }

    @Test
    void aVerification_movesTheBackersMoneyToAVerificationsAccount_noCreatorLineNoFee() {
        Posting posting = LedgerAccounts.posting(pledgePayment(PledgeCharge.Reason.VERIFY, 100, 0));
        assertEquals(2, posting.entries().size());
        assertEquals(new Posting.Entry("buyer:backer1", Money.rub(-100), "verification"), posting.entries().get(0));
        assertEquals(Money.rub(100), posting.entries().get(1).amount());
        assertEquals(true, posting.entries().get(1).account().startsWith("verifications:"));
    }

    @Test
    void aPledgeAChargeAndAFix_areSalesWithTheCreatorsLineOfKindPledge() {
        for (PledgeCharge.Reason reason : List.of(PledgeCharge.Reason.PLEDGE, PledgeCharge.Reason.COLLECT, PledgeCharge.Reason.FIX)) {
            Posting posting = LedgerAccounts.posting(pledgePayment(reason, 50_000, 10_000));
            assertEquals(new Posting.Entry("creator:creator1", Money.rub(40_000), "pledge"), posting.entries().get(1));
            assertEquals("fee", posting.entries().get(2).kind());
        }
    }

    @Test
    void aPostsAndASubscriptionsPosting_isTheirSale() {
        assertEquals(LedgerAccounts.sale(PAYMENT), LedgerAccounts.posting(PAYMENT));
    }
}
