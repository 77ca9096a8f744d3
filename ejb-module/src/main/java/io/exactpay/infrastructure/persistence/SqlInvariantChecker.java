package io.exactpay.infrastructure.persistence;

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

    /**
     * Each order's money in one pass: what it keeps (captures less succeeded refunds), whether its
     * refunds have all settled, and its ledger balance.
     */
    private static final String MONEY = "with cap as (select order_id, sum(amount_minor) s from capture group by order_id),"
            + " ref as (select order_id, sum(amount_minor) s from refund where status = 'SUCCEEDED' group by order_id),"
            + " uns as (select distinct order_id from refund where status in ('REQUESTED', 'SUBMITTED')),"
            + " led as (select order_id, sum(amount_minor) s from ledger_entry group by order_id),"
            + " money as (select o.id, o.status, o.amount_minor, coalesce(cap.s, 0) - coalesce(ref.s, 0) kept,"
            + " uns.order_id is null settled, coalesce(led.s, 0) ledger from orders o"
            + " left join cap on cap.order_id = o.id left join ref on ref.order_id = o.id"
            + " left join uns on uns.order_id = o.id left join led on led.order_id = o.id) ";

    private static final String[][] RULES = {
        {"one-primary-capture", "select c.order_id::text, count(*)::text from capture c where c.role = 'PRIMARY'"
                + " group by c.order_id having count(*) > 1"},
        {"extra-capture-refunded-once", "select c.order_id::text, c.id::text from capture c where c.role <> 'PRIMARY'"
                + " and (select count(*) from refund r where r.capture_id = c.id) <> 1"},
        {"closed-order-keeps-nothing", MONEY + "select id::text, kept::text from money"
                + " where status in ('CLOSED', 'REFUNDED') and settled and kept <> 0"},
        {"unpaid-order-keeps-nothing", MONEY + "select id::text, kept::text from money"
                + " where status in ('PENDING', 'CLOSING') and settled and kept <> 0"},
        {"paid-order-keeps-its-amount", MONEY + "select id::text, kept::text from money"
                + " where status = 'PAID' and settled and kept <> amount_minor"},
        {"primary-capture-is-the-order-amount", "select c.order_id::text, c.amount_minor || ' ' || c.currency"
                + " from capture c join orders o on o.id = c.order_id where c.role = 'PRIMARY'"
                + " and (c.amount_minor <> o.amount_minor or c.currency <> o.currency)"},
        {"paid-exactly-when-primary-capture", "select o.id::text, o.status from orders o"
                + " left join capture c on c.order_id = o.id and c.role = 'PRIMARY'"
                + " where (o.status in ('PAID', 'REFUNDING', 'REFUNDED')) <> (c.id is not null)"},
        {"payment-refunded-only-when-order-refunds", "select o.id::text, o.status from orders o"
                + " join capture c on c.order_id = o.id and c.role = 'PRIMARY' left join refund r on r.capture_id = c.id"
                + " where (o.status in ('REFUNDING', 'REFUNDED')) <> (r.id is not null)"},
        {"refunded-order-refund-succeeded", "select o.id::text, o.status from orders o"
                + " join capture c on c.order_id = o.id and c.role = 'PRIMARY' left join refund r on r.capture_id = c.id"
                + " where o.status = 'REFUNDED' and (r.status is null or r.status <> 'SUCCEEDED')"},
        {"closed-order-has-no-open-trade", "select o.id::text, a.out_trade_no from orders o"
                + " join payment_attempt a on a.order_id = o.id where o.status = 'CLOSED'"
                + " and a.status in ('OPENING', 'OPEN')"},
        {"ledger-matches-captures-and-refunds", MONEY + "select id::text, ledger::text from money where ledger <> kept"},
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
