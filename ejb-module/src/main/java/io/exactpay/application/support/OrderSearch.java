package io.exactpay.application.support;

import java.util.List;
import java.util.UUID;

/**
 * What support reads about an order besides its own rows: finding it by any of its numbers, and
 * what the channels and ExactPay said about it (callbacks received, webhooks sent).
 */
public interface OrderSearch {

    /**
     * Orders named by {@code number}: an order id, a merchant order number (of any client), an
     * out_trade_no, a channel transaction id, an out_refund_no or a channel's refund id. Newest first.
     */
    List<OrderMatch> find(String number);

    List<CallbackView> callbacks(UUID orderId);

    List<OrderWebhookView> webhooks(UUID orderId);
}
