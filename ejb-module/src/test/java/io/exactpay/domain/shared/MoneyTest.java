package io.exactpay.domain.shared;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class MoneyTest {

    @Test
    void isWholeMinorUnitsOfAnExplicitCurrency() {
        Money money = Money.of(1999, "CNY");
        assertEquals(1999, money.minorUnits());
        assertEquals("CNY", money.currency());
        assertEquals(Money.of(1999, "CNY"), money);
        assertNotEquals(Money.of(1999, "USD"), money);
    }

    @Test
    void refusesZeroNegativeAndUnknownCurrencies() {
        assertThrows(IllegalArgumentException.class, () -> Money.of(0, "CNY"));
        assertThrows(IllegalArgumentException.class, () -> Money.of(-1, "CNY"));
        assertThrows(IllegalArgumentException.class, () -> Money.of(1, "cny"));
        assertThrows(IllegalArgumentException.class, () -> Money.of(1, null));
    }
}
