package io.exactpay.application;

/** A client's request for a new order; amounts in minor units. */
public record PlaceOrder(String clientId, String merchantOrderNo, long amountMinor, String currency,
                         String subject) {
}
