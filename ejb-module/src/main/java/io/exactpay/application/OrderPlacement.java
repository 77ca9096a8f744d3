package io.exactpay.application;

import java.util.UUID;

/** What a {@link PlaceOrderOnce} came to: an order, or a business answer that changed nothing. */
public sealed interface OrderPlacement {

    /** The order was placed by this message; {@code replayed} when it had been, earlier. */
    record Placed(OrderView order, boolean replayed) implements OrderPlacement {
    }

    /** The client already has an order with this merchant order number. */
    record MerchantOrderNoTaken(String merchantOrderNo, UUID existingOrderId) implements OrderPlacement {
    }

    /** The client used this message id before for something else; the order that id produced. */
    record MessageIdReused(String messageId, UUID orderId) implements OrderPlacement {
    }
}
