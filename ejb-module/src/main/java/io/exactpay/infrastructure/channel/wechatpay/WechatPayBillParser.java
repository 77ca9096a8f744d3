package io.exactpay.infrastructure.channel.wechatpay;

import io.exactpay.application.channel.ChannelAmount;
import io.exactpay.application.channel.Statement;
import io.exactpay.application.channel.StatementLine;
import io.exactpay.domain.model.payment.Channel;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads WeChat Pay's trade bill (CSV, every value prefixed with a back-quote, amounts in yuan,
 * a summary after the detail rows). Columns are found by their header names.
 */
final class WechatPayBillParser {

    private WechatPayBillParser() {
    }

    static Statement parse(LocalDate day, String text) {
        String[] rows = text.replace("\uFEFF", "").split("\r?\n");
        if (rows.length == 0) {
            return new Statement(Channel.WECHAT_PAY, day, List.of());
        }
        List<String> header = Arrays.asList(rows[0].split(","));
        int outTradeNo = column(header, "商户订单号");
        int transactionId = column(header, "微信订单号");
        int state = column(header, "交易状态");
        int currency = column(header, "货币种类");
        int settled = column(header, "应结订单金额");
        int outRefundNo = column(header, "商户退款单号");
        int refund = column(header, "退款金额");
        List<StatementLine> lines = new ArrayList<>();
        for (int i = 1; i < rows.length; i++) {
            if (!rows[i].startsWith("`")) {
                break; // the summary section starts with its own header line
            }
            String[] v = Arrays.stream(rows[i].split(",", -1)).map(s -> s.startsWith("`") ? s.substring(1) : s)
                    .toArray(String[]::new);
            boolean isRefund = "REFUND".equals(v[state]);
            long fen = fen(isRefund ? v[refund] : v[settled]);
            lines.add(new StatementLine(isRefund ? StatementLine.Kind.REFUND : StatementLine.Kind.PAYMENT,
                    v[outTradeNo], v[transactionId], isRefund ? v[outRefundNo] : null,
                    new ChannelAmount(fen, v[currency])));
        }
        return new Statement(Channel.WECHAT_PAY, day, lines);
    }

    private static int column(List<String> header, String name) {
        int index = header.indexOf(name);
        if (index < 0) {
            throw new IllegalArgumentException("WeChat Pay bill has no column " + name);
        }
        return index;
    }

    private static long fen(String yuan) {
        return new BigDecimal(yuan.trim()).movePointRight(2).longValueExact();
    }
}
