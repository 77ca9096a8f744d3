package io.exactpay.domain.shared;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import java.util.Objects;
import java.util.regex.Pattern;

/** An amount in integer minor units (fen for CNY) of an explicit ISO 4217 currency. */
@Embeddable
public class Money {

    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    @Column(name = "amount_minor", nullable = false)
    private long minorUnits;

    @Column(name = "currency", nullable = false, length = 3)
    private String currency;

    protected Money() {
        // for JPA
    }

    private Money(long minorUnits, String currency) {
        this.minorUnits = minorUnits;
        this.currency = currency;
    }

    /** A positive amount, as orders, captures and refunds have. */
    public static Money of(long minorUnits, String currency) {
        if (minorUnits <= 0) throw new IllegalArgumentException("amount must be positive, was " + minorUnits);
        if (currency == null || !CURRENCY.matcher(currency).matches()) {
            throw new IllegalArgumentException("currency must be three upper-case letters, was " + currency);
        }
        return new Money(minorUnits, currency);
    }

    public long minorUnits() {
        return minorUnits;
    }

    public String currency() {
        return currency;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Money m && m.minorUnits == minorUnits && m.currency.equals(currency);
    }

    @Override
    public int hashCode() {
        return Objects.hash(minorUnits, currency);
    }

    @Override
    public String toString() {
        return minorUnits + " " + currency;
    }
}
