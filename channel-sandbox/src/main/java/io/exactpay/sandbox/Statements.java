package io.exactpay.sandbox;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Daily statements from the ledger, in each channel's layout (a subset of the columns): WeChat
 * Pay's trade bill is CSV with a back-quote before every value; Alipay's is a zip holding a GBK
 * CSV with '#' comment lines. Days are Beijing days.
 */
final class Statements {

    static final String WECHATPAY_HEADER = "交易时间,公众账号ID,商户号,微信订单号,商户订单号,交易状态,货币种类,应结订单金额,"
            + "微信退款单号,商户退款单号,退款金额,退款状态,商品名称,订单金额";
    static final String ALIPAY_HEADER = "支付宝交易号,商户订单号,业务类型,商品名称,创建时间,完成时间,订单金额（元）,商家实收（元）,"
            + "退款批次号/请求号,币种";

    private final SandboxKeys keys;
    private final SandboxLedger ledger;

    Statements(SandboxKeys keys, SandboxLedger ledger) {
        this.keys = keys;
        this.ledger = ledger;
    }

    byte[] wechatPayBill(LocalDate day) {
        StringBuilder csv = new StringBuilder(WECHATPAY_HEADER).append("\r\n");
        int count = 0;
        for (SandboxTrade t : ledger.trades(SandboxChannel.WECHATPAY)) {
            if (on(t.paidAt(), day)) {
                row(csv, ChannelFormats.alipayTime(t.paidAt()), keys.wechatAppid(), keys.wechatMchid(),
                        t.transactionId(), t.outTradeNo(), "SUCCESS", t.currency(), ChannelFormats.yuan(t.amount()),
                        "0", "0", "0.00", "", t.description(), ChannelFormats.yuan(t.amount()));
                count++;
            }
            for (SandboxRefund r : t.refunds()) {
                if (on(r.succeededAt(), day)) {
                    row(csv, ChannelFormats.alipayTime(r.succeededAt()), keys.wechatAppid(), keys.wechatMchid(),
                            t.transactionId(), t.outTradeNo(), "REFUND", t.currency(), "0.00", r.refundId(),
                            r.outRefundNo(), ChannelFormats.yuan(r.amount()), "SUCCESS", t.description(),
                            ChannelFormats.yuan(t.amount()));
                    count++;
                }
            }
        }
        csv.append("总交易单数,应结订单总金额,退款总金额\r\n`").append(count).append(",`0.00,`0.00\r\n");
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void row(StringBuilder csv, String... values) {
        for (int i = 0; i < values.length; i++) {
            csv.append(i == 0 ? "`" : ",`").append(values[i] == null ? "" : values[i].replace(",", " "));
        }
        csv.append("\r\n");
    }

    byte[] alipayBill(LocalDate day) {
        StringBuilder csv = new StringBuilder("#支付宝业务明细查询\r\n#账号：[").append(keys.alipaySellerId()).append("]\r\n");
        csv.append(ALIPAY_HEADER).append("\r\n");
        for (SandboxTrade t : ledger.trades(SandboxChannel.ALIPAY)) {
            if (on(t.paidAt(), day)) {
                csv.append(String.join(",", t.transactionId(), t.outTradeNo(), "交易", clean(t.description()),
                        ChannelFormats.alipayTime(t.createdAt()), ChannelFormats.alipayTime(t.paidAt()),
                        ChannelFormats.yuan(t.amount()), ChannelFormats.yuan(t.amount()), "", t.currency()))
                        .append("\r\n");
            }
            for (SandboxRefund r : t.refunds()) {
                if (on(r.succeededAt(), day)) {
                    csv.append(String.join(",", t.transactionId(), t.outTradeNo(), "退款", clean(t.description()),
                            ChannelFormats.alipayTime(r.createdAt()), ChannelFormats.alipayTime(r.succeededAt()),
                            "-" + ChannelFormats.yuan(r.amount()), "-" + ChannelFormats.yuan(r.amount()),
                            r.outRefundNo(), t.currency())).append("\r\n");
                }
            }
        }
        csv.append("#-----------------------------------------业务明细列表结束------------------------------------\r\n");
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(zip)) {
            out.putNextEntry(new ZipEntry(keys.alipaySellerId() + "_" + day.toString().replace("-", "")
                    + "_业务明细.csv"));
            out.write(csv.toString().getBytes(Charset.forName("GBK")));
            out.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return zip.toByteArray();
    }

    private static String clean(String text) {
        return text == null ? "" : text.replace(",", " ");
    }

    private static boolean on(Instant at, LocalDate day) {
        return at != null && at.atZone(ChannelFormats.BEIJING).toLocalDate().equals(day);
    }

    static String sha1Hex(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
