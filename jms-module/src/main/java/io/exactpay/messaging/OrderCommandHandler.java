package io.exactpay.messaging;

import io.exactpay.application.AddRemark;
import io.exactpay.application.OrderService;
import io.exactpay.domain.model.order.OrderNotFoundException;
import io.exactpay.messaging.contract.OrderCommand;
import io.exactpay.messaging.contract.Replies;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/**
 * Runs one order command against the application services and returns the reply body. Normally it
 * joins the consumer's transaction; on a message's last delivery attempt it runs in a transaction
 * of its own, so a failure can still be dead-lettered with its reason.
 */
@Stateless
public class OrderCommandHandler {

    @Inject
    private OrderService orders;

    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public String handle(OrderCommand command, int deliveryAttempt) throws OrderNotFoundException {
        return dispatch(command, deliveryAttempt);
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public String handleInOwnTransaction(OrderCommand command, int deliveryAttempt) throws OrderNotFoundException {
        return dispatch(command, deliveryAttempt);
    }

    private String dispatch(OrderCommand command, int deliveryAttempt) throws OrderNotFoundException {
        if (command instanceof OrderCommand.AddOrderRemark remark) {
            return Replies.remarkAdded(orders.addRemark(new AddRemark(remark.messageId(), deliveryAttempt,
                    remark.orderId(), remark.author(), remark.text())));
        }
        throw new IllegalArgumentException("No handler for " + command.getClass().getSimpleName());
    }
}
