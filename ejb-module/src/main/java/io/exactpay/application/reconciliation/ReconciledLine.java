package io.exactpay.application.reconciliation;

import io.exactpay.application.channel.StatementLine;

/**
 * One line of a reconciliation report.
 *
 * @param channelAmount the statement's amount in minor units; null when the statement lacks the movement
 * @param ledgerAmount the books' amount in minor units; null when the books lack it
 * @param action what reconciliation did about it; null when nothing
 */
public record ReconciledLine(Outcome outcome, StatementLine.Kind kind, String transactionId, String outTradeNo,
                             String outRefundNo, Long channelAmount, Long ledgerAmount, String currency, String detail,
                             String action) {

    public ReconciledLine withAction(String done) {
        return new ReconciledLine(outcome, kind, transactionId, outTradeNo, outRefundNo, channelAmount, ledgerAmount,
                currency, detail, done);
    }
}
