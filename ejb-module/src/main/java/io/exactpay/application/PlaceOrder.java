package io.exactpay.application;

import java.time.Duration;

/**
 * A client's request for a new order; amounts in minor units.
 *
 * @param timeToPay how long the payer has, from the server's clock; null for the server's default
 */
public record PlaceOrder(String clientId, String merchantOrderNo, long amountMinor, String currency,
                         String subject, Duration timeToPay) {

    public PlaceOrder(String clientId, String merchantOrderNo, long amountMinor, String currency, String subject) {
        this(clientId, merchantOrderNo, amountMinor, currency, subject, null);
    }
}
