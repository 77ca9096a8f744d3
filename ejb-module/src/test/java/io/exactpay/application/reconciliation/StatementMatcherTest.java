package io.exactpay.application.reconciliation;

import io.exactpay.application.channel.ChannelAmount;
import io.exactpay.application.channel.Statement;
import io.exactpay.application.channel.StatementLine;
import io.exactpay.domain.model.payment.Channel;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StatementMatcherTest {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 30);

    /** A moment of a Beijing wall-clock time. */
    private static Instant beijing(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(StatementMatcher.CHANNEL_ZONE).toInstant();
    }

    private static final Instant NOON = beijing("2026-11-30T12:00:00");

    private static StatementLine payment(String txn, String outTradeNo, long fen) {
        return new StatementLine(StatementLine.Kind.PAYMENT, outTradeNo, txn, null, ChannelAmount.cny(fen));
    }

    private static StatementLine refund(String txn, String outTradeNo, String outRefundNo, long fen) {
        return new StatementLine(StatementLine.Kind.REFUND, outTradeNo, txn, outRefundNo, ChannelAmount.cny(fen));
    }

    private static Statement statement(LocalDate day, StatementLine... lines) {
        return new Statement(Channel.WECHAT_PAY, day, List.of(lines));
    }

    private static ReconciledLine only(List<ReconciledLine> lines) {
        assertEquals(1, lines.size(), lines.toString());
        return lines.get(0);
    }

    @Test
    void paymentOnBothSidesWithTheSameAmount_isMatched() {
        ReconciledLine line = only(StatementMatcher.match(statement(DAY, payment("4200-1", "W1", 1999)),
                List.of(BookEntry.capture("4200-1", "W1", 1999, "CNY", NOON))));
        assertEquals(Outcome.MATCHED, line.outcome());
        assertEquals(1999L, line.channelAmount());
        assertEquals(1999L, line.ledgerAmount());
    }

    @Test
    void paymentIsFoundByOutTradeNoWhenTheTransactionIdDiffers() {
        ReconciledLine line = only(StatementMatcher.match(statement(DAY, payment("4200-9", "W1", 1999)),
                List.of(BookEntry.capture("4200-1", "W1", 1999, "CNY", NOON))));
        assertEquals(Outcome.MATCHED, line.outcome());
    }

    @Test
    void paymentTheBooksNeverSettled_isChannelOnly() {
        ReconciledLine line = only(StatementMatcher.match(statement(DAY, payment("4200-1", "W1", 500)), List.of()));
        assertEquals(Outcome.CHANNEL_ONLY, line.outcome());
        assertEquals(500L, line.channelAmount());
        assertNull(line.ledgerAmount());
    }

    @Test
    void postingTheChannelNeverMoved_isLedgerOnly() {
        ReconciledLine line = only(StatementMatcher.match(statement(DAY),
                List.of(BookEntry.capture("4200-1", "W1", 700, "CNY", NOON))));
        assertEquals(Outcome.LEDGER_ONLY, line.outcome());
        assertNull(line.channelAmount());
        assertEquals(700L, line.ledgerAmount());
    }

    @Test
    void amountsDifferingByOneFen_areAnAmountMismatch() {
        ReconciledLine line = only(StatementMatcher.match(statement(DAY, payment("4200-1", "W1", 1000)),
                List.of(BookEntry.capture("4200-1", "W1", 1001, "CNY", NOON))));
        assertEquals(Outcome.AMOUNT_MISMATCH, line.outcome());
        assertEquals(1000L, line.channelAmount());
        assertEquals(1001L, line.ledgerAmount());
    }

    @Test
    void sameFenInAnotherCurrency_isAnAmountMismatch() {
        ReconciledLine line = only(StatementMatcher.match(statement(DAY, payment("4200-1", "W1", 1000)),
                List.of(BookEntry.capture("4200-1", "W1", 1000, "USD", NOON))));
        assertEquals(Outcome.AMOUNT_MISMATCH, line.outcome());
    }

    @Test
    void refundOnBothSides_isMatchedByOutRefundNo() {
        List<ReconciledLine> lines = StatementMatcher.match(
                statement(DAY, payment("4200-1", "W1", 800), refund("4200-1", "W1", "R1", 800)),
                List.of(BookEntry.capture("4200-1", "W1", 800, "CNY", NOON),
                        BookEntry.refund("W1", "R1", 800, "CNY", "SUCCEEDED", NOON.plusSeconds(60))));
        assertEquals(List.of(Outcome.MATCHED, Outcome.MATCHED), lines.stream().map(ReconciledLine::outcome).toList());
    }

    @Test
    void refundTheBooksStillWaitFor_isChannelOnly() {
        ReconciledLine line = only(StatementMatcher.match(statement(DAY, refund("4200-1", "W1", "R1", 800)),
                List.of(BookEntry.refund("W1", "R1", 800, "CNY", "SUBMITTED", null))));
        assertEquals(Outcome.CHANNEL_ONLY, line.outcome());
    }

    @Test
    void refundTheBooksCallFailed_isAStatusMismatch() {
        ReconciledLine line = only(StatementMatcher.match(statement(DAY, refund("4200-1", "W1", "R1", 800)),
                List.of(BookEntry.refund("W1", "R1", 800, "CNY", "FAILED", null))));
        assertEquals(Outcome.STATUS_MISMATCH, line.outcome());
        assertTrue(line.detail().contains("FAILED"), line.detail());
    }

    @Test
    void refundUnknownToTheBooks_isChannelOnly() {
        ReconciledLine line = only(StatementMatcher.match(statement(DAY, refund("4200-1", "W1", "R1", 800)), List.of()));
        assertEquals(Outcome.CHANNEL_ONLY, line.outcome());
    }

    @Test
    void refundInFlightAndNotOnTheStatement_isNotReported() {
        assertTrue(StatementMatcher.match(statement(DAY),
                List.of(BookEntry.refund("W1", "R1", 800, "CNY", "SUBMITTED", null))).isEmpty());
    }

    @Test
    void aLineTwiceOnTheStatement_matchesOnceAndTheSecondIsChannelOnly() {
        List<ReconciledLine> lines = StatementMatcher.match(
                statement(DAY, payment("4200-1", "W1", 800), payment("4200-1", "W1", 800)),
                List.of(BookEntry.capture("4200-1", "W1", 800, "CNY", NOON)));
        assertEquals(List.of(Outcome.MATCHED, Outcome.CHANNEL_ONLY), lines.stream().map(ReconciledLine::outcome).toList());
    }

    @Test
    void postingOfAnotherDayNamedByNoLine_isNotThisDaysBusiness() {
        assertTrue(StatementMatcher.match(statement(DAY),
                List.of(BookEntry.capture("4200-1", "W1", 700, "CNY", beijing("2026-11-29T12:00:00")),
                        BookEntry.capture("4200-2", "W2", 700, "CNY", beijing("2026-12-01T00:00:00")))).isEmpty());
    }

    @Test
    void dayBoundaryIsBeijingMidnight_notUtcMidnight() {
        // 23:30 UTC on the 29th is 07:30 on the 30th in Beijing: a posting of the 30th.
        Instant lateUtc = Instant.parse("2026-11-29T23:30:00Z");
        ReconciledLine line = only(StatementMatcher.match(statement(DAY),
                List.of(BookEntry.capture("4200-1", "W1", 700, "CNY", lateUtc))));
        assertEquals(Outcome.LEDGER_ONLY, line.outcome());
        // 16:30 UTC on the 30th is 00:30 on the 1st in Beijing: the next day's.
        assertTrue(StatementMatcher.match(statement(DAY),
                List.of(BookEntry.capture("4200-1", "W1", 700, "CNY", Instant.parse("2026-11-30T16:30:00Z")))).isEmpty());
    }

    @Test
    void paidBeforeMidnightAndPostedAfter_isMatchedOnThePaymentsDayAndNotLedgerOnlyTheNextDay() {
        BookEntry postedAfterMidnight = BookEntry.capture("4200-1", "W1", 900, "CNY", beijing("2026-12-01T00:00:02"));
        // The statement of the 30th names it: matched there, although it was posted on the 1st.
        assertEquals(Outcome.MATCHED, only(StatementMatcher.match(statement(DAY, payment("4200-1", "W1", 900)),
                List.of(postedAfterMidnight))).outcome());
        // The statement of the 1st does not; without the 30th's statement it looks ledger-only...
        LocalDate next = DAY.plusDays(1);
        List<ReconciledLine> alone = StatementMatcher.match(statement(next), List.of(postedAfterMidnight));
        assertTrue(StatementMatcher.needsPreviousDay(alone));
        // ...and the previous day's statement clears it.
        assertTrue(StatementMatcher.match(statement(next), List.of(postedAfterMidnight),
                statement(DAY, payment("4200-1", "W1", 900))).isEmpty());
    }

    @Test
    void previousDaysStatementDoesNotClearAPostingItDoesNotName() {
        BookEntry posted = BookEntry.capture("4200-1", "W1", 900, "CNY", beijing("2026-12-01T00:00:02"));
        ReconciledLine line = only(StatementMatcher.match(statement(DAY.plusDays(1)), List.of(posted),
                statement(DAY, payment("4200-2", "W2", 900))));
        assertEquals(Outcome.LEDGER_ONLY, line.outcome());
    }

    @Test
    void onlyUnmatchedOutcomesCount() {
        assertFalse(Outcome.MATCHED.unmatched());
        for (Outcome o : List.of(Outcome.CHANNEL_ONLY, Outcome.LEDGER_ONLY, Outcome.AMOUNT_MISMATCH,
                Outcome.STATUS_MISMATCH)) {
            assertTrue(o.unmatched(), o.name());
        }
    }
}
