package io.exactpay.application.reconciliation;

import io.exactpay.application.channel.Statement;
import io.exactpay.application.channel.StatementLine;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Matches a channel's statement of one day with ExactPay's books, line by line; no side effects.
 *
 * <p>A statement line is looked up in the books by its keys whenever it was posted (a payment made
 * at 23:59:59 is often posted after midnight): a payment by the channel's transaction id, then by
 * out_trade_no; a refund by out_refund_no. The other way round, the report of a day answers for
 * the postings of that day in the channel's time zone: a posting of the day that no line of the
 * statement names is LEDGER_ONLY, unless it is on the previous day's statement (paid before
 * midnight, posted after it), where that day's report has it.
 */
public final class StatementMatcher {

    /** The channels' statement days are Beijing days. */
    public static final ZoneId CHANNEL_ZONE = ZoneId.of("Asia/Shanghai");

    private StatementMatcher() {
    }

    public static List<ReconciledLine> match(Statement statement, List<BookEntry> books) {
        return match(statement, books, null);
    }

    /**
     * @param previousDay the statement of the day before, or null when not fetched; only consulted
     *                    for postings of this day that this day's statement does not name
     */
    public static List<ReconciledLine> match(Statement statement, List<BookEntry> books, Statement previousDay) {
        Map<String, BookEntry> paymentsByTxn = new HashMap<>();
        Map<String, BookEntry> paymentsByTradeNo = new HashMap<>();
        Map<String, BookEntry> refundsByNo = new HashMap<>();
        for (BookEntry b : books) {
            if (b.kind() == StatementLine.Kind.PAYMENT) {
                if (b.transactionId() != null) paymentsByTxn.put(b.transactionId(), b);
                if (b.outTradeNo() != null) paymentsByTradeNo.put(b.outTradeNo(), b);
            } else if (b.outRefundNo() != null) {
                refundsByNo.put(b.outRefundNo(), b);
            }
        }
        Set<BookEntry> used = Collections.newSetFromMap(new IdentityHashMap<>());
        List<ReconciledLine> lines = new ArrayList<>();
        for (StatementLine line : statement.lines()) {
            BookEntry book = line.kind() == StatementLine.Kind.PAYMENT
                    ? paymentsByTxn.getOrDefault(line.transactionId(), paymentsByTradeNo.get(line.outTradeNo()))
                    : refundsByNo.get(line.outRefundNo());
            if (book != null && !used.add(book)) {
                lines.add(of(line, null, Outcome.CHANNEL_ONLY, "appears more than once on the statement"));
            } else if (book == null) {
                lines.add(of(line, null, Outcome.CHANNEL_ONLY, line.kind() == StatementLine.Kind.PAYMENT
                        ? "the books hold no capture of this payment" : "the books hold no such refund"));
            } else if (book.refundInFlight()) {
                lines.add(of(line, null, Outcome.CHANNEL_ONLY, "the books still wait for this refund ("
                        + book.refundStatus() + ")"));
            } else if (!book.posted()) {
                lines.add(of(line, book, Outcome.STATUS_MISMATCH, "the channel refunded it; the books say "
                        + book.refundStatus()));
            } else if (book.amountMinor() != line.amount().minorUnits()
                    || !book.currency().equals(line.amount().currency())) {
                lines.add(of(line, book, Outcome.AMOUNT_MISMATCH, "the statement says " + line.amount().minorUnits()
                        + " " + line.amount().currency() + ", the books " + book.amountMinor() + " " + book.currency()));
            } else {
                lines.add(of(line, book, Outcome.MATCHED, null));
            }
        }
        Set<String> onPreviousDay = previousDay == null ? Set.of() : keys(previousDay);
        for (BookEntry book : books) {
            if (book.posted() && !used.contains(book) && on(book.postedAt(), statement.date())
                    && !onPreviousDay.contains(key(book))) {
                lines.add(new ReconciledLine(Outcome.LEDGER_ONLY, book.kind(), book.transactionId(), book.outTradeNo(),
                        book.outRefundNo(), null, book.amountMinor(), book.currency(),
                        "posted " + book.postedAt() + ", on no statement of this day", null));
            }
        }
        return lines;
    }

    /** True when a LEDGER_ONLY line might yet be on the previous day's statement. */
    public static boolean needsPreviousDay(List<ReconciledLine> lines) {
        return lines.stream().anyMatch(l -> l.outcome() == Outcome.LEDGER_ONLY);
    }

    public static boolean on(Instant at, LocalDate day) {
        return at.atZone(CHANNEL_ZONE).toLocalDate().equals(day);
    }

    /** The first instant of a statement day and of the day after it. */
    public static Instant[] bounds(LocalDate day) {
        return new Instant[] {day.atStartOfDay(CHANNEL_ZONE).toInstant(),
                day.plusDays(1).atStartOfDay(CHANNEL_ZONE).toInstant()};
    }

    private static ReconciledLine of(StatementLine line, BookEntry book, Outcome outcome, String detail) {
        return new ReconciledLine(outcome, line.kind(), line.transactionId(), line.outTradeNo(), line.outRefundNo(),
                line.amount().minorUnits(), book == null ? null : book.amountMinor(), line.amount().currency(), detail,
                null);
    }

    private static Set<String> keys(Statement statement) {
        Set<String> keys = new HashSet<>();
        for (StatementLine line : statement.lines()) {
            if (line.kind() == StatementLine.Kind.PAYMENT) {
                keys.add("P:" + line.transactionId());
                keys.add("T:" + line.outTradeNo());
            } else {
                keys.add("R:" + line.outRefundNo());
            }
        }
        return keys;
    }

    private static String key(BookEntry book) {
        if (book.kind() == StatementLine.Kind.REFUND) return "R:" + book.outRefundNo();
        return book.transactionId() != null ? "P:" + book.transactionId() : "T:" + book.outTradeNo();
    }
}
