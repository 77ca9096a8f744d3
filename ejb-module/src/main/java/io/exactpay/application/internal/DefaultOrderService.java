package io.exactpay.application.internal;

import io.exactpay.application.AddRemark;
import io.exactpay.application.ApplicationEvents;
import io.exactpay.application.OrderService;
import io.exactpay.application.OrderView;
import io.exactpay.application.PlaceOrder;
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
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;

@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRED)
public class DefaultOrderService implements OrderService {

    private static final String UNIQUE_VIOLATION = "23505";

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

    @PersistenceContext(unitName = "exactpay")
    private EntityManager em;

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
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<OrderView> find(UUID orderId) {
        return orders.find(orderId).map(OrderView::of);
    }

    @Override
    public RemarkAdded addRemark(AddRemark command) throws OrderNotFoundException {
        // The row lock first: commands for one order run one after another, on any instance.
        Order order = orders.findForUpdate(command.orderId());
        OptionalInt earlier = processedMessages.revisionProducedBy(command.messageId());
        if (earlier.isPresent()) {
            return new RemarkAdded(order.id(), earlier.getAsInt(), true);
        }
        OrderRemark remark = order.addRemark(command.author(), command.text(), clock.instant());
        em.persist(remark);
        journal.audit(order, order.status(), command.author(), "REMARK_ADDED", command.text());
        processedMessages.record(command.messageId(), "order-commands", command.deliveryAttempt(),
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
