package io.exactpay.messaging;

import io.exactpay.application.AddRemark;
import io.exactpay.application.CancellationService;
import io.exactpay.application.MessageIdReusedException;
import io.exactpay.application.OrderPlacement;
import io.exactpay.application.OrderService;
import io.exactpay.application.OrderView;
import io.exactpay.application.PlaceOrder;
import io.exactpay.application.PlaceOrderOnce;
import io.exactpay.domain.model.order.IllegalTransitionException;
import io.exactpay.domain.model.order.OrderAmountRule;
import io.exactpay.domain.model.order.OrderNotFoundException;
import io.exactpay.domain.model.order.OrderStatus;
import io.exactpay.messaging.contract.OrderCommand;
import io.exactpay.messaging.contract.Replies;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Optional;

/**
 * Runs one order command for its sender against the application services and returns the reply
 * body: the result, or a business error reply (CommandError) when nothing changed. Normally it
 * joins the consumer's transaction; on a message's last delivery attempt it runs in a transaction
 * of its own, so a failure can still be dead-lettered with its reason.
 */
@Stateless
public class OrderCommandHandler {

    @Inject
    private OrderService orders;

    @Inject
    private CancellationService cancellation;

    @Inject
    @ConfigProperty(name = "exactpay.order.max-amount", defaultValue = "" + OrderAmountRule.DEFAULT_MAX_MINOR_UNITS)
    private long maxAmount;

    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public String handle(String clientId, OrderCommand command, int deliveryAttempt) throws OrderNotFoundException {
        return dispatch(clientId, command, deliveryAttempt);
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public String handleInOwnTransaction(String clientId, OrderCommand command, int deliveryAttempt)
            throws OrderNotFoundException {
        return dispatch(clientId, command, deliveryAttempt);
    }

    /** One method per command; {@code clientId} is the authenticated sender. */
    private String dispatch(String clientId, OrderCommand command, int deliveryAttempt) throws OrderNotFoundException {
        if (command instanceof OrderCommand.AddOrderRemark remark) return addRemark(clientId, remark, deliveryAttempt);
        if (command instanceof OrderCommand.CreateOrder create) return createOrder(clientId, create, deliveryAttempt);
        if (command instanceof OrderCommand.CancelOrder cancel) return cancelOrder(clientId, cancel, deliveryAttempt);
        if (command instanceof OrderCommand.QueryOrder query) return queryOrder(clientId, query);
        throw new IllegalArgumentException("No handler for " + command.getClass().getSimpleName());
    }

    private String addRemark(String clientId, OrderCommand.AddOrderRemark remark, int deliveryAttempt)
            throws OrderNotFoundException {
        try {
            return Replies.remarkAdded(orders.addRemark(new AddRemark(clientId, remark.messageId(), deliveryAttempt,
                    remark.orderId(), remark.author(), remark.text())));
        } catch (MessageIdReusedException e) {
            return Replies.error(OrderCommand.AddOrderRemark.TYPE, Replies.MESSAGE_ID_REUSED, e.getMessage(),
                    e.earlierOrderId());
        }
    }

    private String createOrder(String clientId, OrderCommand.CreateOrder create, int deliveryAttempt) {
        Optional<String> refusal = new OrderAmountRule(maxAmount).refusal(create.amountMinor(), create.currency());
        if (refusal.isPresent()) {
            return Replies.error(OrderCommand.CreateOrder.TYPE, Replies.VALIDATION, refusal.get(), null);
        }
        OrderPlacement placement = orders.placeOrderOnce(new PlaceOrderOnce(create.messageId(), deliveryAttempt,
                new PlaceOrder(clientId, create.merchantOrderNo(), create.amountMinor(), create.currency(),
                        create.subject())));
        return Replies.orderPlacement(placement);
    }

    /**
     * Through the one cancel path, exactly once per message id. An order that is not the sender's,
     * and a payer's cancel of a paid order, are business answers; checked first, so that nothing
     * is rolled back for them (a race with a payment rolls back and the redelivery answers it).
     */
    private String cancelOrder(String clientId, OrderCommand.CancelOrder cancel, int deliveryAttempt)
            throws OrderNotFoundException {
        Optional<OrderView> order = orders.find(cancel.orderId()).filter(o -> o.clientId().equals(clientId));
        if (order.isEmpty()) {
            return Replies.error(OrderCommand.CancelOrder.TYPE, Replies.ORDER_NOT_FOUND, "No order " + cancel.orderId(), null);
        }
        if (OrderStatus.valueOf(order.get().status()).refusesCancel(cancel.reason())) {
            return Replies.error(OrderCommand.CancelOrder.TYPE, Replies.ILLEGAL_TRANSITION, "Order " + cancel.orderId()
                    + " is paid; only MERCHANT_REQUEST cancels it, with a full refund", cancel.orderId());
        }
        try {
            return Replies.orderState(cancellation.cancelOnce(cancel.messageId(), deliveryAttempt, cancel.orderId(),
                    clientId, cancel.reason(), "jms:" + clientId));
        } catch (MessageIdReusedException e) {
            return Replies.error(OrderCommand.CancelOrder.TYPE, Replies.MESSAGE_ID_REUSED, e.getMessage(),
                    e.earlierOrderId());
        } catch (IllegalTransitionException e) {
            throw new IllegalStateException("order changed while cancelling: " + e.getMessage(), e);
        }
    }

    /** Another client's order is answered exactly as one that does not exist. */
    private String queryOrder(String clientId, OrderCommand.QueryOrder query) {
        return orders.find(query.orderId())
                .filter(order -> order.clientId().equals(clientId))
                .map(Replies::orderState)
                .orElseGet(() -> Replies.error(OrderCommand.QueryOrder.TYPE, Replies.ORDER_NOT_FOUND,
                        "No order " + query.orderId(), null));
    }
}
