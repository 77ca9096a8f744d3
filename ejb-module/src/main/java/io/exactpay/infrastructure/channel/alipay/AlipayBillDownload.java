package io.exactpay.infrastructure.channel.alipay;

import io.exactpay.application.channel.ChannelAmount;
import io.exactpay.application.channel.ChannelOutcomeUnknownException;
import io.exactpay.application.channel.Statement;
import io.exactpay.application.channel.StatementLine;
import io.exactpay.domain.model.payment.Channel;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Fetches and reads Alipay's trade bill: a zip of GBK CSV files; the detail file has '#' comment
 * lines around a header row. The SDK only returns the download URL, so the fetch is ours.
 */
final class AlipayBillDownload {

    private final AlipaySettings settings;
    private final HttpClient http;

    AlipayBillDownload(AlipaySettings settings) {
        this.settings = settings;
        this.http = HttpClient.newBuilder().connectTimeout(settings.connectTimeout()).build();
    }

    Statement fetch(LocalDate day, String url) {
        byte[] zip;
        try {
            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(url))
                    .timeout(settings.readTimeout()).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new ChannelOutcomeUnknownException(Channel.ALIPAY, "bill download HTTP " + response.statusCode(),
                        null);
            }
            zip = response.body();
        } catch (IOException e) {
            throw new ChannelOutcomeUnknownException(Channel.ALIPAY, "bill download failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ChannelOutcomeUnknownException(Channel.ALIPAY, "bill download interrupted", e);
        }
        return new Statement(Channel.ALIPAY, day, parse(zip));
    }

    static List<StatementLine> parse(byte[] zip) {
        List<StatementLine> lines = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), Charset.forName("GBK"))) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                if (entry.getName().contains("汇总")) {
                    continue; // the summary file repeats the totals
                }
                lines.addAll(detail(new String(in.readAllBytes(), Charset.forName("GBK"))));
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("Alipay bill is not a readable zip", e);
        }
        return lines;
    }

    private static List<StatementLine> detail(String csv) {
        List<StatementLine> lines = new ArrayList<>();
        List<String> header = null;
        for (String row : csv.split("\r?\n")) {
            if (row.startsWith("#") || row.isBlank()) {
                continue;
            }
            String[] v = row.split(",", -1);
            if (header == null) {
                header = Arrays.stream(v).map(String::trim).toList();
                continue;
            }
            boolean refund = "退款".equals(v[header.indexOf("业务类型")].trim());
            // The bill writes a refund's amount negative ("-4.00"); the line's kind says which way it went.
            String amount = v[header.indexOf("订单金额（元）")].trim();
            long fen = AlipayStates.fen(amount.startsWith("-") ? amount.substring(1) : amount);
            int currencyColumn = header.indexOf("币种");
            String currency = currencyColumn >= 0 && !v[currencyColumn].isBlank() ? v[currencyColumn].trim() : "CNY";
            lines.add(new StatementLine(refund ? StatementLine.Kind.REFUND : StatementLine.Kind.PAYMENT,
                    v[header.indexOf("商户订单号")].trim(), v[header.indexOf("支付宝交易号")].trim(),
                    refund ? v[header.indexOf("退款批次号/请求号")].trim() : null,
                    new ChannelAmount(Math.abs(fen), currency)));
        }
        return lines;
    }
}
