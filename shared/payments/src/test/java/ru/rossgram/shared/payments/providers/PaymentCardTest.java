package ru.rossgram.shared.payments.providers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class PaymentCardTest {
    @Test
    void theSameCard_hasOneFingerprint_whicheverProviderReportsIt() {
        PaymentCard tbank = PaymentCard.fromMask("430000******0777", "1230", "tbank:322264");
        PaymentCard cloudPayments = PaymentCard.of("430000", "0777", "12/30", null);
        assertEquals("430000*0777*1230", tbank.fingerprint());
        assertEquals(tbank.fingerprint(), cloudPayments.fingerprint());
    }

    @Test
    void aTBankCardWithoutItsMask_isKnownByItsCardId() {
        assertEquals("tbank:322264", PaymentCard.fromMask(null, null, "tbank:322264").fingerprint());
    }

    @Test
    void aNotificationWithoutCardData_hasNoCard() {
        assertNull(PaymentCard.of(null, "", null, null));
        assertNull(PaymentCard.fromMask("garbage", "13", null));
    }
}
