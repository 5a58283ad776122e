package ru.rossgram.shared.payments.subscriptions;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import ru.rossgram.shared.money.Money;

class BillingCalendarTest {
    private static Instant moscow(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(BillingCalendar.MOSCOW).toInstant();
    }

    @Test
    void the31stIsBilledOnTheLastDayOfShortMonths_andOnThe31stAgainAfter() {
        Instant anchor = moscow("2028-01-31T23:30:00");
        assertEquals(moscow("2028-02-29T23:30:00"), BillingCalendar.periodEnd(anchor, 1), "2028 is a leap year");
        assertEquals(moscow("2028-03-31T23:30:00"), BillingCalendar.periodEnd(anchor, 2));
        assertEquals(moscow("2028-04-30T23:30:00"), BillingCalendar.periodEnd(anchor, 3));
        assertEquals(moscow("2028-05-31T23:30:00"), BillingCalendar.periodEnd(anchor, 4));
        assertEquals(moscow("2027-02-28T23:30:00"), BillingCalendar.periodEnd(moscow("2027-01-31T23:30:00"), 1));
    }

    @Test
    void the29thOfFebruaryIsBilledOnThe29th_andOnThe28thOfFebruaryInCommonYears() {
        Instant anchor = moscow("2028-02-29T10:00:00");
        assertEquals(moscow("2028-03-29T10:00:00"), BillingCalendar.periodEnd(anchor, 1));
        assertEquals(moscow("2029-02-28T10:00:00"), BillingCalendar.periodEnd(anchor, 12));
        assertEquals(moscow("2029-03-29T10:00:00"), BillingCalendar.periodEnd(anchor, 13));
        assertEquals(moscow("2032-02-29T10:00:00"), BillingCalendar.periodEnd(anchor, 48));
    }

    @Test
    void daysAreMoscowDays_notUtcDays() {
        // 1 March 01:30 in Moscow is still 28 February in UTC: the billing day is the 1st.
        Instant anchor = moscow("2027-03-01T01:30:00");
        assertEquals(moscow("2027-04-01T01:30:00"), BillingCalendar.periodEnd(anchor, 1));
        assertEquals(anchor, BillingCalendar.periodStart(anchor, 1));
    }

    @Test
    void anUpgradePaysTheDifferenceForThePartOfThePeriodLeft_roundedHalfUpToTheKopeck() {
        Instant start = moscow("2027-04-01T00:00:00");
        Instant end = moscow("2027-05-01T00:00:00"); // 30 days
        Money old = Money.rub(30_000);
        Money higher = Money.rub(60_000);
        assertEquals(Money.rub(15_000), BillingCalendar.proratedDifference(old, higher, start, end, moscow("2027-04-16T00:00:00")));
        assertEquals(Money.rub(30_000), BillingCalendar.proratedDifference(old, higher, start, end, start));
        assertEquals(Money.rub(0), BillingCalendar.proratedDifference(old, higher, start, end, end));
        assertEquals(Money.rub(0), BillingCalendar.proratedDifference(higher, old, start, end, start), "a downgrade charges nothing");
        // 10 seconds of 2,592,000 left of a 1.00 difference is 0.00386 kopecks: 0; 1 day of 30 of 1.00: 3.33 -> 3.
        assertEquals(Money.rub(0), BillingCalendar.proratedDifference(Money.rub(0), Money.rub(100), start, end, end.minusSeconds(10)));
        assertEquals(Money.rub(3), BillingCalendar.proratedDifference(Money.rub(0), Money.rub(100), start, end, end.minusSeconds(86_400)));
        // Half up: 1 kopeck difference, exactly half left: 0.5 -> 1.
        assertEquals(Money.rub(1), BillingCalendar.proratedDifference(Money.rub(0), Money.rub(1), start, end, moscow("2027-04-16T00:00:00")));
    }
}
