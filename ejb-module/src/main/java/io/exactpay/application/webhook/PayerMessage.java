package io.exactpay.application.webhook;

import jakarta.json.JsonObject;

import java.math.BigDecimal;
import java.util.Currency;

/**
 * The sentence a merchant can show its payer for an event, from the event's own fields: what
 * happened to the payer's money, in plain words. Amounts in the currency's minor digits, never
 * through floating point.
 */
public final class PayerMessage {

    private PayerMessage() {
    }

    public static String of(String type, JsonObject event) {
        String order = event.getString("merchantOrderNo", "");
        String amount = amountText(event) + " " + event.getString("currency", "");
        String channel = channelName(event.getString("channel", null));
        return switch (type) {
            case "OrderCreated" -> "Your order " + order + " of " + amount + " is waiting for payment.";
            case "OrderPaid" -> "We received your payment of " + amount + by(channel) + " for order " + order + ".";
            case "DuplicatePaymentRefunding" -> "You paid twice; " + amount + " goes back to your " + to(channel)
                    + " within 1-3 days.";
            case "LatePaymentRefunding" -> "Your payment of " + amount + " arrived after order " + order
                    + " was cancelled; it goes back to your " + to(channel) + " within 1-3 days.";
            case "MismatchedPaymentRefunding" -> "Your payment of " + amount + " does not match order " + order
                    + "; it goes back to your " + to(channel) + " within 1-3 days and the order is not paid by it.";
            case "OrderClosed" -> "Order " + order + " is cancelled and can no longer be paid.";
            case "OrderRefunding" -> "Order " + order + " is cancelled; your payment of " + amount
                    + " is being refunded.";
            case "OrderRefunded" -> "Order " + order + " is cancelled and your payment of " + amount + " is refunded.";
            case "RefundSucceeded" -> amount + " for order " + order + " is back on the account you paid with.";
            case "RefundFailed" -> "The refund of " + amount + " for order " + order
                    + " is delayed; our support team is taking care of it.";
            default -> "Order " + order + " changed.";
        };
    }

    /** The event's amount (minor units) as text: 2500 fen is "25.00". */
    public static String amountText(JsonObject event) {
        if (!event.containsKey("amount")) return "";
        long minor = event.getJsonNumber("amount").longValueExact();
        int digits = 2;
        try {
            digits = Math.max(0, Currency.getInstance(event.getString("currency", "CNY")).getDefaultFractionDigits());
        } catch (IllegalArgumentException e) {
            // An unknown currency code keeps two digits, as CNY has.
        }
        return BigDecimal.valueOf(minor, digits).toPlainString();
    }

    private static String channelName(String channel) {
        if (channel == null) return null;
        return switch (channel) {
            case "WECHAT_PAY" -> "WeChat Pay";
            case "ALIPAY" -> "Alipay";
            default -> channel;
        };
    }

    private static String by(String channel) {
        return channel == null ? "" : " by " + channel;
    }

    private static String to(String channel) {
        return channel == null ? "payment account" : channel;
    }
}
