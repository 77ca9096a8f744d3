package io.exactpay.application.reconciliation;

import java.util.stream.Collectors;
import java.util.stream.Stream;

/** A report's lines as CSV (RFC 4180), amounts in minor units, for a spreadsheet or an auditor. */
public final class ReportCsv {

    static final String HEADER = "channel,statement_date,outcome,kind,channel_txn_id,out_trade_no,out_refund_no,"
            + "channel_amount_minor,ledger_amount_minor,currency,detail,action";

    private ReportCsv() {
    }

    public static String of(ReportView report) {
        StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
        for (ReconciledLine l : report.lines()) {
            csv.append(Stream.of(report.channel().name(), report.date().toString(), l.outcome().name(), l.kind().name(),
                            l.transactionId(), l.outTradeNo(), l.outRefundNo(), text(l.channelAmount()),
                            text(l.ledgerAmount()), l.currency(), l.detail(), l.action())
                    .map(ReportCsv::field).collect(Collectors.joining(","))).append("\r\n");
        }
        return csv.toString();
    }

    private static String text(Long amount) {
        return amount == null ? null : amount.toString();
    }

    private static String field(String value) {
        if (value == null) return "";
        // A leading =, +, - or @ would be a formula to a spreadsheet; amounts are never negative here.
        String safe = value.matches("^[=+\\-@].*") ? "'" + value : value;
        return safe.matches(".*[,\"\r\n].*") ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
    }
}
