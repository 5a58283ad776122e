package ru.rossgram.shared.money;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MoneyTest {
    @Test
    void decimalAmounts_becomeKopecks_exactly() {
        assertEquals(Money.rub(19900), Money.parseDecimal("199.00", "RUB"));
        assertEquals(Money.rub(19950), Money.parseDecimal("199.5", "RUB"));
        assertEquals(Money.rub(19900), Money.parseDecimal("199", "RUB"));
        assertEquals(Money.rub(1), Money.parseDecimal("0.01", "RUB"));
        assertEquals("199.05", Money.rub(19905).decimal());
        assertEquals("0.10", Money.rub(10).decimal());
        assertEquals("-1.50", Money.rub(-150).decimal());
    }

    @ParameterizedTest
    @ValueSource(strings = {"199.001", "-5.00", "1e3", "", "12,50", "abc", " . "})
    void anythingButAPlainDecimal_isRefused(String amount) {
        assertThrows(IllegalArgumentException.class, () -> Money.parseDecimal(amount, "RUB"));
    }

    @Test
    void aShareRoundsDownToAKopeck() {
        assertEquals(Money.rub(3980), Money.rub(19900).share(2000));
        assertEquals(Money.rub(33), Money.rub(333).share(1000)); // 33.3 kopecks
        assertEquals(Money.rub(0), Money.rub(4).share(2000));
    }

    @Test
    void differentCurrencies_doNotAddUp() {
        assertThrows(IllegalArgumentException.class, () -> Money.rub(100).minus(new Money(100, "USD")));
        assertThrows(IllegalArgumentException.class, () -> new Money(100, "rub"));
    }
}
