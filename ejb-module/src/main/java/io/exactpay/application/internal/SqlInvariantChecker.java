package io.exactpay.application.internal;

import io.exactpay.application.InvariantChecker;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.ArrayList;
import java.util.List;

/**
 * The money invariants as SQL over every order. Orders with a refund still on its way are judged
 * once their refunds settle, as the invariants say.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class SqlInvariantChecker implements InvariantChecker {

    private static final String KEPT = "(select coalesce(sum(c.amount_minor), 0) from capture c where c.order_id = o.id)"
            + " - (select coalesce(sum(r.amount_minor), 0) from refund r where r.order_id = o.id and r.status = 'SUCCEEDED')";
    private static final String SETTLED = "not exists (select 1 from refund r where r.order_id = o.id"
            + " and r.status in ('REQUESTED', 'SUBMITTED'))";

    private static final String[][] RULES = {
        {"one-primary-capture", "select o.id::text, count(*)::text from orders o join capture c on c.order_id = o.id"
                + " and c.role = 'PRIMARY' group by o.id having count(*) > 1"},
        {"extra-capture-refunded-once", "select c.order_id::text, c.id::text from capture c where c.role <> 'PRIMARY'"
                + " and (select count(*) from refund r where r.capture_id = c.id) <> 1"},
        {"closed-order-keeps-nothing", "select o.id::text, (" + KEPT + ")::text from orders o"
                + " where o.status in ('CLOSED', 'REFUNDED') and " + SETTLED + " and " + KEPT + " <> 0"},
        {"paid-order-keeps-its-amount", "select o.id::text, (" + KEPT + ")::text from orders o"
                + " where o.status = 'PAID' and " + SETTLED + " and " + KEPT + " <> o.amount_minor"},
        {"paid-exactly-when-primary-capture", "select o.id::text, o.status from orders o where"
                + " (o.status in ('PAID', 'REFUNDING', 'REFUNDED')) <> exists (select 1 from capture c"
                + " where c.order_id = o.id and c.role = 'PRIMARY')"},
        {"payment-refunded-only-when-order-refunds", "select o.id::text, o.status from orders o"
                + " join capture c on c.order_id = o.id and c.role = 'PRIMARY' where"
                + " (o.status in ('REFUNDING', 'REFUNDED')) <> exists (select 1 from refund r where r.capture_id = c.id)"},
        {"refunded-order-refund-succeeded", "select o.id::text, o.status from orders o where o.status = 'REFUNDED'"
                + " and not exists (select 1 from capture c join refund r on r.capture_id = c.id"
                + " where c.order_id = o.id and c.role = 'PRIMARY' and r.status = 'SUCCEEDED')"},
        {"closed-order-has-no-open-trade", "select o.id::text, a.out_trade_no from orders o"
                + " join payment_attempt a on a.order_id = o.id where o.status = 'CLOSED'"
                + " and a.status in ('OPENING', 'OPEN')"},
        {"ledger-matches-captures-and-refunds", "select o.id::text, (select coalesce(sum(l.amount_minor), 0)"
                + " from ledger_entry l where l.order_id = o.id)::text from orders o"
                + " where (select coalesce(sum(l.amount_minor), 0) from ledger_entry l where l.order_id = o.id)"
                + " <> " + KEPT},
    };

    @PersistenceContext(unitName = "exactpay")
    private EntityManager em;

    @Override
    public List<Violation> violations() {
        List<Violation> found = new ArrayList<>();
        for (String[] rule : RULES) {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery(rule[1]).getResultList();
            for (Object[] row : rows) found.add(new Violation(rule[0], (String) row[0], (String) row[1]));
        }
        return found;
    }
}
