package io.exactpay.application;

import io.exactpay.domain.model.order.DuplicateMerchantOrderException;
import io.exactpay.domain.model.order.OrderNotFoundException;

import java.util.Optional;
import java.util.UUID;

/** Placing orders and changing them on behalf of portals and legacy systems. */
public interface OrderService {

    /** Places a PENDING order and announces it (OrderCreated), in one transaction. */
    OrderView placeOrder(PlaceOrder command) throws DuplicateMerchantOrderException;

    /**
     * Places an order for a legacy system's message, exactly once per client and message id: a
     * replay is answered with the order it placed. A merchant order number the client already
     * used is a business answer, not a failure: nothing changes and nothing is rolled back.
     */
    OrderPlacement placeOrderOnce(PlaceOrderOnce command);

    Optional<OrderView> find(UUID orderId);

    /**
     * Attaches a remark under the order's row lock, exactly once per client and message id: a
     * replayed message id gets the first result back and changes nothing.
     */
    RemarkAdded addRemark(AddRemark command) throws OrderNotFoundException, MessageIdReusedException;
}
