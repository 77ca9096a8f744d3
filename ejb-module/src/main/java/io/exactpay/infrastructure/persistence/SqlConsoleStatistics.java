package io.exactpay.infrastructure.persistence;

import io.exactpay.application.support.ConsoleStatistics;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static io.exactpay.infrastructure.persistence.SqlStaffActions.instant;

@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class SqlConsoleStatistics implements ConsoleStatistics {

    @PersistenceContext(unitName = "exactpay")
    private EntityManager em;

    @Inject
    private Clock clock;

    @Override
    @SuppressWarnings("unchecked")
    public Snapshot snapshot(int hours) {
        Instant to = clock.instant();
        Instant from = to.truncatedTo(ChronoUnit.HOURS).minus(hours - 1L, ChronoUnit.HOURS);
        Object since = from.atOffset(ZoneOffset.UTC);

        Map<String, Long> byRole = new TreeMap<>(Map.of("PRIMARY", 0L, "DUPLICATE", 0L, "LATE", 0L));
        for (Object[] r : (List<Object[]>) em.createNativeQuery("select role, count(*) from capture"
                + " where captured_at >= ? group by role").setParameter(1, since).getResultList()) {
            byRole.put((String) r[0], ((Number) r[1]).longValue());
        }

        // Settlement latency: the channel's word taken into the inbox, to the capture's settling commit.
        Map<Instant, Object[]> perHour = new HashMap<>();
        for (Object[] r : (List<Object[]>) em.createNativeQuery("select date_trunc('hour', c.captured_at at time zone 'UTC'),"
                + " count(*) filter (where c.role = 'DUPLICATE'), count(*) filter (where c.role = 'LATE'), count(*),"
                + " percentile_disc(0.5) within group (order by l.ms), percentile_disc(0.99) within group (order by l.ms),"
                + " max(l.ms)"
                + " from capture c left join lateral (select cast(round(extract(epoch from (c.captured_at - i.received_at))"
                + " * 1000) as bigint) as ms from callback_inbox i where i.channel = c.channel"
                + " and i.channel_txn_id = c.channel_txn_id and i.event_type = 'PAYMENT_CAPTURED') l on true"
                + " where c.captured_at >= ? group by 1").setParameter(1, since).getResultList()) {
            perHour.put(hour(r[0]), r);
        }
        List<Hour> series = new ArrayList<>();
        for (Instant h = from; !h.isAfter(to); h = h.plus(1, ChronoUnit.HOURS)) {
            Object[] r = perHour.get(h);
            series.add(r == null ? new Hour(h, 0, 0, 0, null, null, null)
                    : new Hour(h, count(r[1]), count(r[2]), count(r[3]), nullable(r[4]), nullable(r[5]), nullable(r[6])));
        }

        Map<String, Long> open = new TreeMap<>(Map.of("WECHAT_PAY", 0L, "ALIPAY", 0L));
        for (Object[] r : (List<Object[]>) em.createNativeQuery("select channel, count(*) from payment_attempt"
                + " where status in ('OPENING', 'OPEN') group by channel").getResultList()) {
            open.put((String) r[0], ((Number) r[1]).longValue());
        }
        long failed = count(em.createNativeQuery("select count(*) from refund where status = 'FAILED'").getSingleResult());
        long dead = count(em.createNativeQuery("select count(*) from webhook_delivery where status = 'DEAD'")
                .getSingleResult());
        return new Snapshot(from, to, byRole, series, open, failed, dead);
    }

    private static Instant hour(Object value) {
        // date_trunc of a timestamp without time zone: the UTC wall-clock hour.
        if (value instanceof java.sql.Timestamp ts) return ts.toLocalDateTime().toInstant(ZoneOffset.UTC);
        if (value instanceof java.time.LocalDateTime ldt) return ldt.toInstant(ZoneOffset.UTC);
        return instant(value);
    }

    private static long count(Object value) {
        return ((Number) value).longValue();
    }

    private static Long nullable(Object value) {
        return value == null ? null : ((Number) value).longValue();
    }
}
