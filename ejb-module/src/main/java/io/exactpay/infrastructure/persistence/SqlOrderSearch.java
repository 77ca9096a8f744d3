package io.exactpay.infrastructure.persistence;

import io.exactpay.application.support.CallbackView;
import io.exactpay.application.support.OrderMatch;
import io.exactpay.application.support.OrderSearch;
import io.exactpay.application.support.OrderWebhookView;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.exactpay.infrastructure.persistence.SqlStaffActions.instant;

@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class SqlOrderSearch implements OrderSearch {

    private static final int MAX_MATCHES = 50;

    @PersistenceContext(unitName = "exactpay")
    private EntityManager em;

    @Override
    @SuppressWarnings("unchecked")
    public List<OrderMatch> find(String number) {
        List<String> parts = new ArrayList<>(List.of(
                "select id as order_id, 'MERCHANT_ORDER_NO' as matched_by from orders where merchant_order_no = ?",
                "select order_id, 'OUT_TRADE_NO' as matched_by from payment_attempt where out_trade_no = ?",
                "select order_id, 'CHANNEL_TRANSACTION_ID' as matched_by from capture where channel_txn_id = ?",
                "select order_id, 'OUT_REFUND_NO' as matched_by from refund where out_refund_no = ?",
                "select order_id, 'CHANNEL_REFUND_ID' as matched_by from refund where channel_refund_id = ?"));
        // Only a UUID can be an order id; comparing the id as text would read every order.
        if (isUuid(number)) {
            parts.add(0, "select id as order_id, 'ORDER_ID' as matched_by from orders where id = cast(? as uuid)");
        }
        // One row per order, naming every kind of number it matched (an Alipay refund's id is its trade's).
        Query query = em.createNativeQuery("select o.id, o.merchant_order_no, o.client_id, o.status, o.amount_minor,"
                + " o.currency, o.created_at, m.matched_by from (select order_id, string_agg(matched_by, ', '"
                + " order by matched_by) as matched_by from (" + String.join(" union ", parts) + ") u group by order_id) m"
                + " join orders o on o.id = m.order_id order by o.created_at desc");
        for (int i = 1; i <= parts.size(); i++) query.setParameter(i, number);
        return ((List<Object[]>) query.setMaxResults(MAX_MATCHES).getResultList()).stream()
                .map(r -> new OrderMatch(uuid(r[0]), (String) r[1], (String) r[2], (String) r[3],
                        ((Number) r[4]).longValue(), ((String) r[5]).trim(), instant(r[6]), (String) r[7]))
                .toList();
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<CallbackView> callbacks(UUID orderId) {
        return ((List<Object[]>) em.createNativeQuery("select i.channel, i.channel_txn_id, i.event_type, i.out_trade_no,"
                        + " i.amount_minor, i.currency, i.received_at from callback_inbox i"
                        + " join payment_attempt a on a.out_trade_no = i.out_trade_no"
                        + " where a.order_id = cast(? as uuid) order by i.received_at, i.id")
                .setParameter(1, orderId.toString()).getResultList()).stream()
                .map(r -> new CallbackView((String) r[0], (String) r[1], (String) r[2], (String) r[3],
                        ((Number) r[4]).longValue(), ((String) r[5]).trim(), instant(r[6])))
                .toList();
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<OrderWebhookView> webhooks(UUID orderId) {
        return ((List<Object[]>) em.createNativeQuery("select d.id, d.endpoint_id, e.client_id, e.url, d.event_type,"
                        + " d.status, d.attempts, d.created_at, d.delivered_at from webhook_delivery d"
                        + " join webhook_endpoint e on e.id = d.endpoint_id"
                        + " where d.order_id = cast(? as uuid) order by d.created_at, d.id")
                .setParameter(1, orderId.toString()).getResultList()).stream()
                .map(r -> new OrderWebhookView(uuid(r[0]), uuid(r[1]), (String) r[2], (String) r[3], (String) r[4],
                        (String) r[5], ((Number) r[6]).intValue(), instant(r[7]), instant(r[8])))
                .toList();
    }

    private static boolean isUuid(String text) {
        try {
            return UUID.fromString(text).toString().equalsIgnoreCase(text);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static UUID uuid(Object value) {
        return value instanceof UUID id ? id : UUID.fromString(value.toString());
    }
}
