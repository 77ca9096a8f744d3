package io.exactpay.infrastructure.persistence;

import io.exactpay.application.support.StaffActionView;
import io.exactpay.application.support.StaffActions;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class SqlStaffActions implements StaffActions {

    private static final String COLUMNS = "select id, occurred_at, actor, action, subject, cast(order_id as varchar),"
            + " detail from staff_action ";

    @PersistenceContext(unitName = "exactpay")
    private EntityManager em;

    @Inject
    private Clock clock;

    @Override
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void record(String actor, String action, String subject, UUID orderId, String detail) {
        em.createNativeQuery("insert into staff_action (occurred_at, actor, action, subject, order_id, detail)"
                        + " values (?, ?, ?, ?, cast(? as uuid), ?)")
                .setParameter(1, clock.instant().atOffset(ZoneOffset.UTC))
                .setParameter(2, cut(actor, 200)).setParameter(3, action).setParameter(4, cut(subject, 200))
                .setParameter(5, orderId == null ? null : orderId.toString())
                .setParameter(6, detail == null ? null : cut(detail, 1000))
                .executeUpdate();
    }

    @Override
    public List<StaffActionView> forOrder(UUID orderId) {
        return rows(em.createNativeQuery(COLUMNS + "where order_id = cast(? as uuid) order by id")
                .setParameter(1, orderId.toString()).getResultList());
    }

    @Override
    public List<StaffActionView> recent(int limit) {
        return rows(em.createNativeQuery(COLUMNS + "order by id desc").setMaxResults(limit).getResultList());
    }

    @SuppressWarnings("unchecked")
    private static List<StaffActionView> rows(List<?> rows) {
        return ((List<Object[]>) rows).stream().map(r -> new StaffActionView(((Number) r[0]).longValue(),
                instant(r[1]), (String) r[2], (String) r[3], (String) r[4],
                r[5] == null ? null : UUID.fromString((String) r[5]), (String) r[6])).toList();
    }

    static Instant instant(Object value) {
        if (value == null) return null;
        if (value instanceof OffsetDateTime odt) return odt.toInstant();
        if (value instanceof java.sql.Timestamp ts) return ts.toInstant();
        if (value instanceof java.util.Date date) return date.toInstant();
        throw new IllegalStateException("not a timestamp: " + value);
    }

    private static String cut(String text, int max) {
        return text.length() > max ? text.substring(0, max) : text;
    }
}
