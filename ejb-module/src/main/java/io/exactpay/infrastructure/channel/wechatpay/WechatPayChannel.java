package io.exactpay.infrastructure.channel.wechatpay;

import com.wechat.pay.java.core.RSAPublicKeyConfig;
import com.wechat.pay.java.core.exception.HttpException;
import com.wechat.pay.java.core.exception.MalformedMessageException;
import com.wechat.pay.java.core.exception.ServiceException;
import com.wechat.pay.java.core.exception.ValidationException;
import com.wechat.pay.java.core.http.DefaultHttpClientBuilder;
import com.wechat.pay.java.core.http.HttpClient;
import com.wechat.pay.java.service.billdownload.BillDownloadServiceExtension;
import com.wechat.pay.java.service.billdownload.DigestBillEntity;
import com.wechat.pay.java.service.billdownload.model.BillType;
import com.wechat.pay.java.service.billdownload.model.GetTradeBillRequest;
import com.wechat.pay.java.service.payments.model.Transaction;
import com.wechat.pay.java.service.payments.nativepay.NativePayService;
import com.wechat.pay.java.service.payments.nativepay.model.Amount;
import com.wechat.pay.java.service.payments.nativepay.model.CloseOrderRequest;
import com.wechat.pay.java.service.payments.nativepay.model.PrepayRequest;
import com.wechat.pay.java.service.payments.nativepay.model.QueryOrderByOutTradeNoRequest;
import com.wechat.pay.java.service.refund.RefundService;
import com.wechat.pay.java.service.refund.model.AmountReq;
import com.wechat.pay.java.service.refund.model.CreateRequest;
import com.wechat.pay.java.service.refund.model.QueryByOutRefundNoRequest;
import com.wechat.pay.java.service.refund.model.Refund;
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
import okhttp3.OkHttpClient;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.function.Supplier;

/**
 * WeChat Pay v3 (Native) through wechatpay-java, which signs every request with the merchant key
 * and verifies every answer against the platform public key.
 */
public final class WechatPayChannel implements PaymentChannel {

    private static final DateTimeFormatter RFC3339 = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    private final WechatPaySettings settings;
    private final NativePayService nativePay;
    private final RefundService refunds;
    private final BillDownloadServiceExtension bills;

    public WechatPayChannel(WechatPaySettings settings) {
        this.settings = settings;
        RSAPublicKeyConfig config = sdkConfig(settings);
        OkHttpClient okHttp = new OkHttpClient.Builder()
                .addInterceptor(new BaseUrlRewrite(settings.baseUrl()))
                .addInterceptor(new ResendGetOnce())
                .connectTimeout(settings.connectTimeout())
                .readTimeout(settings.readTimeout())
                .writeTimeout(settings.readTimeout())
                // A retried POST could open a second trade or refund; retries are ours to decide.
                .retryOnConnectionFailure(false)
                .build();
        HttpClient http = new DefaultHttpClientBuilder().config(config).okHttpClient(okHttp).build();
        this.nativePay = new NativePayService.Builder().httpClient(http).build();
        this.refunds = new RefundService.Builder().httpClient(http).build();
        this.bills = new BillDownloadServiceExtension.Builder().httpClient(http)
                .decryptor(config.createDecryptor()).build();
    }

    static RSAPublicKeyConfig sdkConfig(WechatPaySettings settings) {
        return new RSAPublicKeyConfig.Builder()
                .merchantId(settings.mchid())
                .privateKeyFromPath(settings.merchantPrivateKeyFile().toString())
                .merchantSerialNumber(settings.merchantSerial())
                .publicKeyFromPath(settings.platformPublicKeyFile().toString())
                .publicKeyId(settings.platformPublicKeyId())
                .apiV3Key(settings.apiV3Key())
                .build();
    }

    @Override
    public Channel channel() {
        return Channel.WECHAT_PAY;
    }

    @Override
    public PaymentInstruction createPayment(PaymentOrder order) {
        PrepayRequest request = new PrepayRequest();
        request.setAppid(settings.appid());
        request.setMchid(settings.mchid());
        request.setOutTradeNo(order.outTradeNo());
        request.setDescription(order.description());
        request.setNotifyUrl(order.notifyUrl());
        if (order.expiresAt() != null) {
            request.setTimeExpire(RFC3339.format(order.expiresAt().atZone(BEIJING)));
        }
        Amount amount = new Amount();
        amount.setTotal(Math.toIntExact(order.amount().minorUnits()));
        amount.setCurrency(order.amount().currency());
        request.setAmount(amount);
        String codeUrl = call(() -> nativePay.prepay(request).getCodeUrl());
        return new PaymentInstruction(Channel.WECHAT_PAY, order.outTradeNo(), codeUrl);
    }

    @Override
    public PaymentStatus queryPayment(String outTradeNo) {
        QueryOrderByOutTradeNoRequest request = new QueryOrderByOutTradeNoRequest();
        request.setMchid(settings.mchid());
        request.setOutTradeNo(outTradeNo);
        try {
            Transaction t = call(() -> nativePay.queryOrderByOutTradeNo(request));
            String state = t.getTradeState().name();
            ChannelAmount amount = t.getAmount() == null ? null
                    : new ChannelAmount(t.getAmount().getTotal(), t.getAmount().getCurrency());
            return new PaymentStatus(Channel.WECHAT_PAY, outTradeNo, WechatPayStates.payment(state), state,
                    t.getTransactionId(), amount, t.getSuccessTime());
        } catch (ChannelRejectedException e) {
            if ("ORDER_NOT_EXIST".equals(e.code())) {
                return new PaymentStatus(Channel.WECHAT_PAY, outTradeNo, ChannelPaymentState.NOT_FOUND,
                        e.code(), null, null, null);
            }
            throw e;
        }
    }

    @Override
    public CloseOutcome closePayment(String outTradeNo) {
        CloseOrderRequest request = new CloseOrderRequest();
        request.setMchid(settings.mchid());
        request.setOutTradeNo(outTradeNo);
        try {
            call(() -> {
                nativePay.closeOrder(request);
                return null;
            });
            return CloseOutcome.CLOSED;
        } catch (ChannelRejectedException e) {
            return switch (e.code()) {
                case "ORDERPAID" -> CloseOutcome.ALREADY_PAID;
                case "ORDER_NOT_EXIST" -> CloseOutcome.NOT_FOUND;
                default -> throw e;
            };
        }
    }

    @Override
    public RefundStatus refund(RefundOrder order) {
        CreateRequest request = new CreateRequest();
        request.setOutTradeNo(order.outTradeNo());
        request.setOutRefundNo(order.outRefundNo());
        request.setReason(order.reason());
        request.setNotifyUrl(order.notifyUrl());
        AmountReq amount = new AmountReq();
        amount.setRefund(order.refund().minorUnits());
        amount.setTotal(order.total().minorUnits());
        amount.setCurrency(order.refund().currency());
        request.setAmount(amount);
        return toStatus(call(() -> refunds.create(request)));
    }

    @Override
    public RefundStatus queryRefund(String outTradeNo, String outRefundNo) {
        QueryByOutRefundNoRequest request = new QueryByOutRefundNoRequest();
        request.setOutRefundNo(outRefundNo);
        try {
            return toStatus(call(() -> refunds.queryByOutRefundNo(request)));
        } catch (ChannelRejectedException e) {
            if ("RESOURCE_NOT_EXISTS".equals(e.code())) {
                return new RefundStatus(Channel.WECHAT_PAY, outTradeNo, outRefundNo, null,
                        ChannelRefundState.NOT_FOUND, e.code(), null, null);
            }
            throw e;
        }
    }

    private static RefundStatus toStatus(Refund r) {
        String status = r.getStatus().name();
        String currency = r.getAmount().getCurrency() == null ? "CNY" : r.getAmount().getCurrency();
        return new RefundStatus(Channel.WECHAT_PAY, r.getOutTradeNo(), r.getOutRefundNo(), r.getRefundId(),
                WechatPayStates.refund(status), status, new ChannelAmount(r.getAmount().getRefund(), currency),
                r.getSuccessTime());
    }

    @Override
    public Statement downloadStatement(LocalDate day) {
        GetTradeBillRequest request = new GetTradeBillRequest();
        request.setBillDate(day.toString());
        request.setBillType(BillType.ALL);
        return call(() -> {
            DigestBillEntity entity = bills.getTradeBill(request);
            String text;
            try (InputStream in = entity.getInputStream()) {
                text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new HttpException("bill download broke off", e);
            }
            // The digest covers the whole file and can only be checked after reading it.
            if (!entity.verifyHash()) {
                throw new ValidationException("bill digest does not match the announced hash");
            }
            return WechatPayBillParser.parse(day, text);
        });
    }

    /**
     * Runs one SDK call and sorts its failures: a definite 4xx answer is a rejection; anything
     * else (no answer, 5xx, an answer that fails verification) leaves the outcome unknown.
     */
    private static <T> T call(Supplier<T> sdkCall) {
        try {
            return sdkCall.get();
        } catch (ServiceException e) {
            if (e.getHttpStatusCode() >= 500 || e.getHttpStatusCode() == 429) {
                throw new ChannelOutcomeUnknownException(Channel.WECHAT_PAY,
                        "HTTP " + e.getHttpStatusCode() + " " + e.getErrorCode(), e);
            }
            throw new ChannelRejectedException(Channel.WECHAT_PAY, e.getErrorCode(), e.getErrorMessage());
        } catch (HttpException | ValidationException | MalformedMessageException e) {
            throw new ChannelOutcomeUnknownException(Channel.WECHAT_PAY, e.getMessage(), e);
        } catch (RuntimeException e) {
            if (e.getCause() instanceof IOException) {
                throw new ChannelOutcomeUnknownException(Channel.WECHAT_PAY, e.getMessage(), e);
            }
            throw e;
        }
    }
}
