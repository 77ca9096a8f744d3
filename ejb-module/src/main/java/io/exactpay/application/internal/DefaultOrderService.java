package io.exactpay.application.internal;

import io.exactpay.application.AddRemark;
import io.exactpay.application.ApplicationEvents;
import io.exactpay.application.MessageIdReusedException;
import io.exactpay.application.OrderPlacement;
import io.exactpay.application.OrderService;
import io.exactpay.application.OrderView;
import io.exactpay.application.PlaceOrder;
import io.exactpay.application.PlaceOrderOnce;
import io.exactpay.application.RemarkAdded;
import io.exactpay.domain.model.order.DuplicateMerchantOrderException;
import io.exactpay.domain.model.order.Order;
import io.exactpay.domain.model.order.OrderNotFoundException;
import io.exactpay.domain.model.order.OrderRemark;
import io.exactpay.domain.model.order.OrderRepository;
import io.exactpay.domain.shared.Money;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRED)
public class DefaultOrderService implements OrderService {

    private static final String UNIQUE_VIOLATION = "23505";
    private static final String CREATE_ORDER = "CreateOrder";
    private static final String ADD_ORDER_REMARK = "AddOrderRemark";

    @Inject
    private OrderRepository orders;

    @Inject
    private ProcessedMessages processedMessages;

    @Inject
    private ApplicationEvents events;

    @Inject
    private OrderJournal journal;

    @Inject
    private SettlementMetrics metrics;

    @Inject
    private Clock clock;

    @Inject
    @ConfigProperty(name = "exactpay.order.time-to-pay", defaultValue = "PT30M")
    private Duration timeToPay;

    @Override
    public OrderView placeOrder(PlaceOrder command) throws DuplicateMerchantOrderException {
        Optional<Order> existing = orders.findByMerchantOrderNo(command.clientId(), command.merchantOrderNo());
        if (existing.isPresent()) {
            throw new DuplicateMerchantOrderException(command.merchantOrderNo(), existing.get().id());
        }
        Order order = Order.place(command.clientId(), command.merchantOrderNo(),
                Money.of(command.amountMinor(), command.currency()), command.subject(), clock.instant(),
                command.timeToPay() != null ? command.timeToPay() : timeToPay);
        orders.add(order);
        try {
            // The unique constraint settles a race between two equal requests, before anything is sent.
            orders.flush();
        } catch (PersistenceException e) {
            if (isUniqueViolation(e)) throw new DuplicateMerchantOrderException(command.merchantOrderNo(), null);
            throw e;
        }
        journal.audit(order, null, command.clientId(), "ORDER_PLACED", order.amount() + " due by " + order.expiresAt());
        OrderView view = OrderView.of(order);
        // Commits together with the order row (XA), or not at all.
        events.orderCreated(view);
        metrics.orderCreated();
        return view;
    }

    @Override
    public OrderPlacement placeOrderOnce(PlaceOrderOnce command) {
        PlaceOrder wanted = command.order();
        Optional<ProcessedMessages.Processed> earlier = processedMessages.find(wanted.clientId(), command.messageId());
        if (earlier.isPresent()) {
            Optional<Order> placed = orders.find(earlier.get().orderId());
            if (CREATE_ORDER.equals(earlier.get().command()) && placed.isPresent() && matches(placed.get(), wanted)) {
                return new OrderPlacement.Placed(OrderView.of(placed.get()), true);
            }
            return new OrderPlacement.MessageIdReused(command.messageId(), earlier.get().orderId());
        }
        OrderView order;
        try {
            // A call inside this bean, not through the container: a duplicate does not mark the transaction.
            order = placeOrder(wanted);
        } catch (DuplicateMerchantOrderException e) {
            if (e.existingOrderId() != null) {
                // Found before anything was written: the answer commits with the consumed message.
                return new OrderPlacement.MerchantOrderNoTaken(e.merchantOrderNo(), e.existingOrderId());
            }
            // An equal order was placed at the same instant: roll back; redelivered, it is answered as a
            // replay or a taken number.
            throw new IllegalStateException(e.getMessage() + " by a concurrent command", e);
        }
        processedMessages.record(wanted.clientId(), command.messageId(), CREATE_ORDER, command.deliveryAttempt(),
                order.id(), order.revision());
        return new OrderPlacement.Placed(order, false);
    }

    private static boolean matches(Order order, PlaceOrder wanted) {
        return order.merchantOrderNo().equals(wanted.merchantOrderNo())
                && order.amount().equals(Money.of(wanted.amountMinor(), wanted.currency()))
                && order.subject().equals(wanted.subject());
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<OrderView> find(UUID orderId) {
        return orders.find(orderId).map(OrderView::of);
    }

    @Override
    public RemarkAdded addRemark(AddRemark command) throws OrderNotFoundException, MessageIdReusedException {
        // Only the order's own system may remark on it; another's order is answered as one that
        // does not exist, and is checked before the row lock so that no sender can hold up an
        // order that is not its own.
        if (!orders.isClientsOrder(command.orderId(), command.clientId())) throw new OrderNotFoundException(command.orderId());
        // Then the row lock: commands for one order run one after another, on any instance.
        Order order = orders.findForUpdate(command.orderId());
        Optional<ProcessedMessages.Processed> earlier = processedMessages.find(command.clientId(), command.messageId());
        if (earlier.isPresent()) {
            // A replay only when the id was this very remark's; another command's id is refused.
            if (!ADD_ORDER_REMARK.equals(earlier.get().command()) || !earlier.get().orderId().equals(order.id())) {
                throw new MessageIdReusedException(command.messageId(), earlier.get().command(), earlier.get().orderId());
            }
            return new RemarkAdded(order.id(), earlier.get().orderRevision(), true);
        }
        OrderRemark remark = order.addRemark(command.author(), command.text(), clock.instant());
        orders.addRemark(remark);
        // The actor is the authenticated sender; the author is the sender's own word, kept with the remark.
        journal.audit(order, order.status(), "jms:" + command.clientId(), "REMARK_ADDED", command.text());
        processedMessages.record(command.clientId(), command.messageId(), ADD_ORDER_REMARK, command.deliveryAttempt(),
                order.id(), remark.revision());
        return new RemarkAdded(order.id(), remark.revision(), false);
    }

    private static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) return true;
        }
        return false;
    }
}
