package io.exactpay.application.reconciliation;

import io.exactpay.application.CapturedPayment;
import io.exactpay.application.RefundNotice;
import io.exactpay.application.SettlementQueue;
import io.exactpay.application.channel.ChannelRefundState;
import io.exactpay.application.channel.PaymentCaptured;
import io.exactpay.application.channel.PaymentChannel;
import io.exactpay.application.channel.PaymentChannels;
import io.exactpay.application.channel.PaymentStatus;
import io.exactpay.application.channel.RefundSettled;
import io.exactpay.application.channel.RefundStatus;
import io.exactpay.application.channel.Statement;
import io.exactpay.application.channel.StatementLine;
import io.exactpay.application.internal.ChannelIntake;
import io.exactpay.domain.model.payment.Channel;
import io.exactpay.domain.model.payment.PaymentAttempt;
import io.exactpay.domain.model.refund.Refund;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Reconciliation's database work, each step in a transaction of its own: statements are fetched
 * between steps with no transaction open, and a CHANNEL_ONLY line is taken in by itself so one
 * that fails does not undo the others.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class ReconciliationSteps {

    /** A run that has not finished after this long died with its server; another may take over. */
    private static final Duration ABANDONED = Duration.ofMinutes(15);

    @PersistenceContext(unitName = "exactpay")
    private EntityManager em;

    @Inject
    private PaymentChannels channels;

    @Inject
    private ChannelIntake intake;

    @Inject
    private SettlementQueue queue;

    @Inject
    private Clock clock;

    /** Marks the report of the day RUNNING, emptied; refused while another run of it is under way. */
    public UUID start(Channel channel, LocalDate day) {
        Instant now = clock.instant();
        List<?> started = em.createNativeQuery("insert into reconciliation_report (id, channel, statement_date, status,"
                        + " started_at) values (cast(?1 as uuid), ?2, ?3, 'RUNNING', ?4)"
                        + " on conflict (channel, statement_date) do update"
                        + " set status = 'RUNNING', started_at = ?4, finished_at = null, statement_lines = 0, matched = 0,"
                        + " channel_only = 0, ledger_only = 0, amount_mismatch = 0, status_mismatch = 0, failure = null"
                        + " where reconciliation_report.status <> 'RUNNING' or reconciliation_report.started_at < ?5"
                        + " returning id")
                .setParameter(1, UUID.randomUUID().toString()).setParameter(2, channel.name())
                .setParameter(3, java.sql.Date.valueOf(day))
                .setParameter(4, at(now)).setParameter(5, at(now.minus(ABANDONED))).getResultList();
        if (started.isEmpty()) throw new ReconciliationRunningException(channel, day);
        UUID id = uuid(started.get(0));
        em.createNativeQuery("delete from reconciliation_line where report_id = cast(?1 as uuid)")
                .setParameter(1, id.toString()).executeUpdate();
        return id;
    }

    /**
     * The books a statement is matched with: every ledger posting of the channel on the day (in the
     * channel's time zone), and every capture and refund a statement line names, posted or not.
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<BookEntry> books(Channel channel, LocalDate day, Statement statement) {
        Instant[] bounds = StatementMatcher.bounds(day);
        String transactionIds = keys(statement, StatementLine.Kind.PAYMENT, StatementLine::transactionId);
        String outTradeNos = keys(statement, StatementLine.Kind.PAYMENT, StatementLine::outTradeNo);
        String outRefundNos = keys(statement, StatementLine.Kind.REFUND, StatementLine::outRefundNo);
        List<BookEntry> books = new ArrayList<>();
        @SuppressWarnings("unchecked")
        List<Object[]> captures = em.createNativeQuery("select c.channel_txn_id, a.out_trade_no, l.amount_minor,"
                        + " l.currency, l.posted_at from capture c join payment_attempt a on a.id = c.attempt_id"
                        + " join ledger_entry l on l.kind = 'CAPTURE' and l.reference_id = c.id where c.channel = ?1"
                        + " and ((l.posted_at >= ?2 and l.posted_at < ?3) or c.channel_txn_id = any(string_to_array(?4, ','))"
                        + " or a.out_trade_no = any(string_to_array(?5, ',')))")
                .setParameter(1, channel.name()).setParameter(2, at(bounds[0])).setParameter(3, at(bounds[1]))
                .setParameter(4, transactionIds).setParameter(5, outTradeNos).getResultList();
        for (Object[] r : captures) {
            books.add(BookEntry.capture((String) r[0], (String) r[1], ((Number) r[2]).longValue(),
                    ((String) r[3]).trim(), instant(r[4])));
        }
        @SuppressWarnings("unchecked")
        List<Object[]> refunds = em.createNativeQuery("select a.out_trade_no, r.out_refund_no,"
                        + " coalesce(-l.amount_minor, r.amount_minor), r.currency, r.status, l.posted_at from refund r"
                        + " join capture c on c.id = r.capture_id join payment_attempt a on a.id = c.attempt_id"
                        + " left join ledger_entry l on l.kind = 'REFUND' and l.reference_id = r.id where c.channel = ?1"
                        + " and ((l.posted_at >= ?2 and l.posted_at < ?3) or r.out_refund_no = any(string_to_array(?4, ',')))")
                .setParameter(1, channel.name()).setParameter(2, at(bounds[0])).setParameter(3, at(bounds[1]))
                .setParameter(4, outRefundNos).getResultList();
        for (Object[] r : refunds) {
            books.add(BookEntry.refund((String) r[0], (String) r[1], ((Number) r[2]).longValue(),
                    ((String) r[3]).trim(), (String) r[4], r[5] == null ? null : instant(r[5])));
        }
        return books;
    }

    /**
     * Money the channel moved that the books never settled, taken in the way the janitor takes in
     * what a channel query finds: the channel is asked again and its answer goes through the
     * channel intake, so settlement decides as for a callback (a capture on a paid order is a
     * DUPLICATE and is refunded). Returns what was done, for the report.
     */
    public String takeIn(Channel channel, ReconciledLine line) {
        return line.kind() == StatementLine.Kind.PAYMENT ? takeInPayment(channel, line) : takeInRefund(channel, line);
    }

    private String takeInPayment(Channel channel, ReconciledLine line) {
        List<PaymentAttempt> attempts = em.createQuery("select a from PaymentAttempt a where a.channel = :channel"
                        + " and a.outTradeNo = :no", PaymentAttempt.class)
                .setParameter("channel", channel).setParameter("no", line.outTradeNo()).getResultList();
        if (attempts.isEmpty()) return "not taken in: no payment attempt has this out_trade_no; needs a person";
        PaymentAttempt attempt = attempts.get(0);
        PaymentStatus status = channel(channel).queryPayment(attempt.outTradeNo());
        if (!status.state().captured()) return "not taken in: the channel's query says " + status.channelState();
        PaymentCaptured captured = new PaymentCaptured(channel, attempt.outTradeNo(), status.transactionId(),
                status.amount(), status.paidAt());
        if (intake.takeIn(captured)) return "taken in: capture " + status.transactionId() + " queued for settlement";
        // In the inbox already, yet never posted: its settlement did not commit. Settling is idempotent per attempt.
        queue.paymentCaptured(new CapturedPayment(attempt.orderId(), attempt.id(), channel, attempt.outTradeNo(),
                status.transactionId(), status.amount().minorUnits(), status.amount().currency(), status.paidAt(),
                clock.instant()));
        return "taken in before but never settled: capture " + status.transactionId() + " queued for settlement again";
    }

    private String takeInRefund(Channel channel, ReconciledLine line) {
        List<Refund> refunds = em.createQuery("select r from Refund r where r.outRefundNo = :no", Refund.class)
                .setParameter("no", line.outRefundNo()).getResultList();
        if (refunds.isEmpty()) return "not taken in: the books have no refund with this out_refund_no; needs a person";
        Refund refund = refunds.get(0);
        if (!refund.status().isUnsettled()) return "nothing taken in: the refund is " + refund.status() + " by now";
        RefundStatus answer = channel(channel).queryRefund(line.outTradeNo(), refund.outRefundNo());
        if (answer.state() != ChannelRefundState.SUCCEEDED) {
            return "not taken in: the channel's query says " + answer.channelState();
        }
        RefundSettled settled = new RefundSettled(channel, line.outTradeNo(), refund.outRefundNo(),
                answer.channelRefundId(), answer.amount(), answer.settledAt());
        if (intake.takeIn(settled)) return "taken in: refund success queued for settlement";
        queue.refundSettled(new RefundNotice(refund.orderId(), refund.outRefundNo(), answer.channelRefundId(),
                answer.amount().minorUnits(), answer.amount().currency(), answer.settledAt(), clock.instant()));
        return "taken in before but never settled: refund success queued for settlement again";
    }

    public void finish(UUID reportId, int statementLines, List<ReconciledLine> lines) {
        for (ReconciledLine l : lines) {
            em.createNativeQuery("insert into reconciliation_line (report_id, outcome, kind, channel_txn_id, out_trade_no,"
                            + " out_refund_no, channel_amount_minor, ledger_amount_minor, currency, detail, action)"
                            + " values (cast(?1 as uuid), ?2, ?3, ?4, ?5, ?6, cast(?7 as bigint), cast(?8 as bigint), ?9, ?10, ?11)")
                    .setParameter(1, reportId.toString()).setParameter(2, l.outcome().name()).setParameter(3, l.kind().name())
                    .setParameter(4, l.transactionId()).setParameter(5, l.outTradeNo()).setParameter(6, l.outRefundNo())
                    .setParameter(7, l.channelAmount()).setParameter(8, l.ledgerAmount()).setParameter(9, l.currency())
                    .setParameter(10, cut(l.detail())).setParameter(11, cut(l.action())).executeUpdate();
        }
        Map<Outcome, Long> counts = new EnumMap<>(Outcome.class);
        counts.putAll(lines.stream().collect(Collectors.groupingBy(ReconciledLine::outcome, Collectors.counting())));
        em.createNativeQuery("update reconciliation_report set status = 'DONE', finished_at = ?2, statement_lines = ?3,"
                        + " matched = ?4, channel_only = ?5, ledger_only = ?6, amount_mismatch = ?7, status_mismatch = ?8"
                        + " where id = cast(?1 as uuid)")
                .setParameter(1, reportId.toString()).setParameter(2, at(clock.instant())).setParameter(3, statementLines)
                .setParameter(4, count(counts, Outcome.MATCHED)).setParameter(5, count(counts, Outcome.CHANNEL_ONLY))
                .setParameter(6, count(counts, Outcome.LEDGER_ONLY)).setParameter(7, count(counts, Outcome.AMOUNT_MISMATCH))
                .setParameter(8, count(counts, Outcome.STATUS_MISMATCH)).executeUpdate();
    }

    public void fail(UUID reportId, String failure) {
        em.createNativeQuery("update reconciliation_report set status = 'FAILED', finished_at = ?2, failure = ?3"
                        + " where id = cast(?1 as uuid)")
                .setParameter(1, reportId.toString()).setParameter(2, at(clock.instant())).setParameter(3, cut(failure, 500))
                .executeUpdate();
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<ReportView> report(Channel channel, LocalDate day, boolean withLines) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select id, status, started_at, finished_at, statement_lines, matched,"
                        + " channel_only, ledger_only, amount_mismatch, status_mismatch, failure from reconciliation_report"
                        + " where channel = ?1 and statement_date = ?2")
                .setParameter(1, channel.name()).setParameter(2, java.sql.Date.valueOf(day)).getResultList();
        if (rows.isEmpty()) return Optional.empty();
        Object[] r = rows.get(0);
        UUID id = uuid(r[0]);
        return Optional.of(new ReportView(id, channel, day, (String) r[1], instant(r[2]),
                r[3] == null ? null : instant(r[3]), num(r[4]), num(r[5]), num(r[6]), num(r[7]), num(r[8]), num(r[9]),
                (String) r[10], withLines ? lines(id) : List.of()));
    }

    /** Unmatched lines of each channel's latest finished report, summed. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public long unmatchedInLatestReports() {
        Object sum = em.createNativeQuery("select coalesce(sum(channel_only + ledger_only + amount_mismatch"
                + " + status_mismatch), 0) from (select distinct on (channel) * from reconciliation_report"
                + " where status = 'DONE' order by channel, statement_date desc) latest").getSingleResult();
        return ((Number) sum).longValue();
    }

    private List<ReconciledLine> lines(UUID reportId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select outcome, kind, channel_txn_id, out_trade_no, out_refund_no,"
                        + " channel_amount_minor, ledger_amount_minor, currency, detail, action from reconciliation_line"
                        + " where report_id = cast(?1 as uuid) order by id")
                .setParameter(1, reportId.toString()).getResultList();
        return rows.stream().map(r -> new ReconciledLine(Outcome.valueOf((String) r[0]),
                StatementLine.Kind.valueOf((String) r[1]), (String) r[2], (String) r[3], (String) r[4],
                r[5] == null ? null : ((Number) r[5]).longValue(), r[6] == null ? null : ((Number) r[6]).longValue(),
                ((String) r[7]).trim(), (String) r[8], (String) r[9])).toList();
    }

    private PaymentChannel channel(Channel channel) {
        return channels.get(channel).orElseThrow(() ->
                new IllegalStateException(channel + " is not configured on this server"));
    }

    /** The statement's keys of one kind as one comma-separated text; channel ids and our numbers hold no commas. */
    private static String keys(Statement statement, StatementLine.Kind kind,
                               java.util.function.Function<StatementLine, String> key) {
        return statement.lines().stream().filter(l -> l.kind() == kind).map(key)
                .filter(k -> k != null && !k.isEmpty()).distinct().collect(Collectors.joining(","));
    }

    private static int count(Map<Outcome, Long> counts, Outcome outcome) {
        return counts.getOrDefault(outcome, 0L).intValue();
    }

    private static int num(Object value) {
        return ((Number) value).intValue();
    }

    private static String cut(String text) {
        return cut(text, 300);
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static UUID uuid(Object id) {
        return id instanceof UUID u ? u : UUID.fromString(id.toString());
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant i) return i;
        if (value instanceof OffsetDateTime o) return o.toInstant();
        if (value instanceof java.sql.Timestamp t) return t.toInstant();
        throw new IllegalStateException("not a timestamp: " + value.getClass());
    }
}
