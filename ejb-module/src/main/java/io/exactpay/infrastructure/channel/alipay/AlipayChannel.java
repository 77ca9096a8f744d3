package io.exactpay.infrastructure.channel.alipay;

import com.alipay.api.AlipayApiException;
import com.alipay.api.AlipayClient;
import com.alipay.api.AlipayConfig;
import com.alipay.api.AlipayRequest;
import com.alipay.api.AlipayResponse;
import com.alipay.api.DefaultAlipayClient;
import com.alipay.api.request.AlipayDataDataserviceBillDownloadurlQueryRequest;
import com.alipay.api.request.AlipayTradeCloseRequest;
import com.alipay.api.request.AlipayTradeFastpayRefundQueryRequest;
import com.alipay.api.request.AlipayTradePrecreateRequest;
import com.alipay.api.request.AlipayTradeQueryRequest;
import com.alipay.api.request.AlipayTradeRefundRequest;
import com.alipay.api.response.AlipayDataDataserviceBillDownloadurlQueryResponse;
import com.alipay.api.response.AlipayTradeFastpayRefundQueryResponse;
import com.alipay.api.response.AlipayTradePrecreateResponse;
import com.alipay.api.response.AlipayTradeQueryResponse;
import com.alipay.api.response.AlipayTradeRefundResponse;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.exactpay.application.channel.ChannelAmount;
import io.exactpay.application.channel.ChannelOutcomeUnknownException;
import io.exactpay.application.channel.ChannelPaymentState;
import io.exactpay.application.channel.ChannelRefundState;
import io.exactpay.application.channel.ChannelRejectedException;
import io.exactpay.application.channel.CloseOutcome;
import io.exactpay.application.channel.PaymentChannel;
import io.exactpay.application.channel.PaymentInstruction;
import io.exactpay.application.channel.PaymentOrder;
import io.exactpay.application.channel.PaymentStatus;
import io.exactpay.application.channel.RefundOrder;
import io.exactpay.application.channel.RefundStatus;
import io.exactpay.application.channel.Statement;
import io.exactpay.domain.model.payment.Channel;
import io.exactpay.infrastructure.channel.ChannelProperties;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Alipay face-to-face (precreate QR) through alipay-sdk-java's DefaultAlipayClient, which signs
 * requests with the app key (RSA2) and verifies each answer against Alipay's public key.
 */
public final class AlipayChannel implements PaymentChannel {

    private static final DateTimeFormatter ALIPAY_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    private final AlipayClient client;
    private final AlipayBillDownload billDownload;

    public AlipayChannel(AlipaySettings settings) {
        this(settings, false);
    }

    /**
     * @param pooledHttp use the SDK's OkHttp connection pool instead of HttpURLConnection
     */
    public AlipayChannel(AlipaySettings settings, boolean pooledHttp) {
        AlipayConfig config = new AlipayConfig();
        config.setServerUrl(settings.gatewayUrl());
        config.setAppId(settings.appId());
        config.setPrivateKey(ChannelProperties.pemBody(settings.appPrivateKeyFile()));
        config.setAlipayPublicKey(ChannelProperties.pemBody(settings.alipayPublicKeyFile()));
        config.setFormat("json");
        config.setCharset("UTF-8");
        // The SDK's default is SHA1 "RSA"; Alipay requires RSA2 for new apps.
        config.setSignType("RSA2");
        config.setConnectTimeout(Math.toIntExact(settings.connectTimeout().toMillis()));
        config.setReadTimeout(Math.toIntExact(settings.readTimeout().toMillis()));
        if (pooledHttp) {
            config.setMaxIdleConnections(5);
        }
        try {
            this.client = new KeysCheckedOnceClient(config);
        } catch (AlipayApiException e) {
            throw new IllegalArgumentException("Alipay settings rejected by the SDK: " + e.getErrMsg(), e);
        }
        this.billDownload = new AlipayBillDownload(settings);
    }

    @Override
    public Channel channel() {
        return Channel.ALIPAY;
    }

    @Override
    public PaymentInstruction createPayment(PaymentOrder order) {
        JsonObject biz = new JsonObject();
        biz.addProperty("out_trade_no", order.outTradeNo());
        biz.addProperty("total_amount", AlipayStates.yuan(order.amount().minorUnits()));
        biz.addProperty("subject", order.description());
        if (!"CNY".equals(order.amount().currency())) {
            biz.addProperty("trans_currency", order.amount().currency());
        }
        if (order.expiresAt() != null) {
            biz.addProperty("time_expire", ALIPAY_TIME.format(order.expiresAt().atZone(BEIJING)));
        }
        AlipayTradePrecreateRequest request = new AlipayTradePrecreateRequest();
        request.setBizContent(biz.toString());
        request.setNotifyUrl(order.notifyUrl());
        AlipayTradePrecreateResponse response = execute(request);
        requireSuccess(response);
        return new PaymentInstruction(Channel.ALIPAY, order.outTradeNo(), response.getQrCode());
    }

    @Override
    public PaymentStatus queryPayment(String outTradeNo) {
        AlipayTradeQueryRequest request = new AlipayTradeQueryRequest();
        request.setBizContent(byTradeNo(outTradeNo).toString());
        AlipayTradeQueryResponse response = execute(request);
        if ("ACQ.TRADE_NOT_EXIST".equals(response.getSubCode())) {
            return new PaymentStatus(Channel.ALIPAY, outTradeNo, ChannelPaymentState.NOT_FOUND,
                    response.getSubCode(), null, null, null);
        }
        requireSuccess(response);
        String paidAt = innerField(response, "send_pay_date");
        String currency = response.getTransCurrency() == null ? "CNY" : response.getTransCurrency();
        return new PaymentStatus(Channel.ALIPAY, outTradeNo,
                AlipayStates.payment(response.getTradeStatus(), paidAt != null), response.getTradeStatus(),
                response.getTradeNo(), new ChannelAmount(AlipayStates.fen(response.getTotalAmount()), currency),
                paidAt);
    }

    @Override
    public CloseOutcome closePayment(String outTradeNo) {
        AlipayTradeCloseRequest request = new AlipayTradeCloseRequest();
        request.setBizContent(byTradeNo(outTradeNo).toString());
        AlipayResponse response = execute(request);
        if (response.isSuccess()) {
            return CloseOutcome.CLOSED;
        }
        if ("ACQ.TRADE_NOT_EXIST".equals(response.getSubCode())) {
            return CloseOutcome.NOT_FOUND;
        }
        if ("ACQ.TRADE_STATUS_ERROR".equals(response.getSubCode())) {
            // Alipay says the same for "already paid" and "already closed": ask which.
            ChannelPaymentState state = queryPayment(outTradeNo).state();
            return state.captured() ? CloseOutcome.ALREADY_PAID : CloseOutcome.CLOSED;
        }
        throw rejected(response);
    }

    @Override
    public RefundStatus refund(RefundOrder order) {
        JsonObject biz = byTradeNo(order.outTradeNo());
        biz.addProperty("refund_amount", AlipayStates.yuan(order.refund().minorUnits()));
        biz.addProperty("out_request_no", order.outRefundNo());
        biz.addProperty("refund_reason", order.reason());
        AlipayTradeRefundRequest request = new AlipayTradeRefundRequest();
        request.setBizContent(biz.toString());
        AlipayTradeRefundResponse response = execute(request);
        requireSuccess(response);
        // fund_change=N means this out_request_no was refunded before: the refund query is authoritative.
        return queryRefund(order.outTradeNo(), order.outRefundNo());
    }

    @Override
    public RefundStatus queryRefund(String outTradeNo, String outRefundNo) {
        JsonObject biz = byTradeNo(outTradeNo);
        biz.addProperty("out_request_no", outRefundNo);
        AlipayTradeFastpayRefundQueryRequest request = new AlipayTradeFastpayRefundQueryRequest();
        request.setBizContent(biz.toString());
        AlipayTradeFastpayRefundQueryResponse response = execute(request);
        requireSuccess(response);
        String status = response.getRefundStatus();
        if (response.getRefundAmount() == null) {
            // Alipay answers an unknown out_request_no with a bare success.
            return new RefundStatus(Channel.ALIPAY, outTradeNo, outRefundNo, null, ChannelRefundState.NOT_FOUND,
                    null, null, null);
        }
        ChannelRefundState state = "REFUND_SUCCESS".equals(status) ? ChannelRefundState.SUCCEEDED
                : ChannelRefundState.PROCESSING;
        return new RefundStatus(Channel.ALIPAY, outTradeNo, outRefundNo, response.getTradeNo(), state, status,
                ChannelAmount.cny(AlipayStates.fen(response.getRefundAmount())), innerField(response, "gmt_refund_pay"));
    }

    @Override
    public Statement downloadStatement(LocalDate day) {
        JsonObject biz = new JsonObject();
        biz.addProperty("bill_type", "trade");
        biz.addProperty("bill_date", day.toString());
        AlipayDataDataserviceBillDownloadurlQueryRequest request = new AlipayDataDataserviceBillDownloadurlQueryRequest();
        request.setBizContent(biz.toString());
        AlipayDataDataserviceBillDownloadurlQueryResponse response = execute(request);
        requireSuccess(response);
        return billDownload.fetch(day, response.getBillDownloadUrl());
    }

    private static JsonObject byTradeNo(String outTradeNo) {
        JsonObject biz = new JsonObject();
        biz.addProperty("out_trade_no", outTradeNo);
        return biz;
    }

    /** Runs one gateway call. No answer, or one that fails signature verification, is an unknown outcome. */
    private <T extends AlipayResponse> T execute(AlipayRequest<T> request) {
        T response;
        try {
            response = client.execute(request);
        } catch (AlipayApiException e) {
            throw new ChannelOutcomeUnknownException(Channel.ALIPAY,
                    request.getApiMethodName() + ": " + e.getErrCode() + " " + e.getErrMsg(), e);
        }
        // 20000 is Alipay's "service currently unavailable": the call may have been carried out.
        if ("20000".equals(response.getCode()) || (response.getSubCode() != null
                && response.getSubCode().startsWith("isp."))) {
            throw new ChannelOutcomeUnknownException(Channel.ALIPAY,
                    request.getApiMethodName() + ": " + response.getSubCode() + " " + response.getSubMsg(), null);
        }
        return response;
    }

    private static void requireSuccess(AlipayResponse response) {
        if (!response.isSuccess()) {
            throw rejected(response);
        }
    }

    private static ChannelRejectedException rejected(AlipayResponse response) {
        String code = response.getSubCode() != null ? response.getSubCode() : response.getCode();
        return new ChannelRejectedException(Channel.ALIPAY, code, response.getSubMsg());
    }

    /** A field exactly as Alipay wrote it; the SDK's typed getters turn times into Dates. */
    private static String innerField(AlipayResponse response, String name) {
        JsonObject outer = JsonParser.parseString(response.getBody()).getAsJsonObject();
        for (String key : outer.keySet()) {
            if (key.endsWith("_response") && outer.get(key).isJsonObject()) {
                JsonObject inner = outer.getAsJsonObject(key);
                return inner.has(name) && !inner.get(name).isJsonNull() ? inner.get(name).getAsString() : null;
            }
        }
        return null;
    }

    /**
     * The SDK's client, except that its check that the configured Alipay public key is not the
     * app's own (a signature with the app's private key, verified with that public key) is made
     * once, here, instead of before verifying every answer: the keys never change, and the check
     * was a tenth of the server's CPU under load. A client configured that way is refused at once.
     */
    static final class KeysCheckedOnceClient extends DefaultAlipayClient {

        private final boolean alipayKeyIsTheAppsOwn;

        KeysCheckedOnceClient(AlipayConfig config) throws AlipayApiException {
            super(config);
            this.alipayKeyIsTheAppsOwn = super.checkAlipayPublicKey();
            if (alipayKeyIsTheAppsOwn) {
                throw new IllegalArgumentException("the Alipay public key configured is the app's own public key");
            }
        }

        @Override
        public boolean checkAlipayPublicKey() {
            return alipayKeyIsTheAppsOwn;
        }
    }
}
