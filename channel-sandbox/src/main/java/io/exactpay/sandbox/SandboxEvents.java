package io.exactpay.sandbox;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * What happens in the sandbox's world: the payer pays, refunds settle, callbacks go out, and
 * faults bend all of that. The protocol front ends call in here; nothing else changes the ledger.
 */
final class SandboxEvents implements AutoCloseable {

    /** How long WeChat Pay takes to settle a refund, before the time factor. */
    private static final Duration WECHATPAY_REFUND_SETTLES_AFTER = Duration.ofSeconds(10);

    private final SandboxSettings settings;
    private final SandboxLedger ledger;
    private final CallbackDispatcher dispatcher;
    private final WechatPayMessages wechat;
    private final AlipayMessages alipay;
    private final Statements statements;
    private final Clock clock;
    private final ScheduledExecutorService refunds = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "sandbox-refunds");
        t.setDaemon(true);
        return t;
    });

    SandboxEvents(SandboxSettings settings, SandboxLedger ledger, CallbackDispatcher dispatcher,
                  WechatPayMessages wechat, AlipayMessages alipay, Statements statements, Clock clock) {
        this.settings = settings;
        this.ledger = ledger;
        this.dispatcher = dispatcher;
        this.wechat = wechat;
        this.alipay = alipay;
        this.statements = statements;
        this.clock = clock;
    }

    /** The payer completes the trade, as a phone would after scanning the code. */
    boolean pay(SandboxTrade trade) {
        if (!trade.pay(clock.instant())) {
            return false;
        }
        Runnable callback = paymentCallback(trade);
        if (trade.has(Fault.OUT_OF_ORDER)) {
            trade.hold(callback);
        } else {
            callback.run();
        }
        return true;
    }

    /** With PAY_AFTER_CLOSE set, the payer's payment lands just before the close request is applied. */
    void payerRacesClose(SandboxTrade trade) {
        if (trade.take(Fault.PAY_AFTER_CLOSE)) {
            pay(trade);
        }
    }

    SandboxRefund startRefund(SandboxTrade trade, String outRefundNo, long amount, String notifyUrl) {
        SandboxRefund refund = trade.addRefund(outRefundNo, ledger.newId("5030"), amount, clock.instant(), notifyUrl);
        if (trade.channel() == SandboxChannel.ALIPAY) {
            settleRefund(trade, refund);
        } else {
            refunds.schedule(() -> settleRefund(trade, refund), scaled(WECHATPAY_REFUND_SETTLES_AFTER),
                    TimeUnit.MILLISECONDS);
        }
        return refund;
    }

    private void settleRefund(SandboxTrade trade, SandboxRefund refund) {
        trade.settleRefund(refund, clock.instant());
        String eventId = ledger.newId("evt");
        CompletableFuture<Void> delivered = CompletableFuture.completedFuture(null);
        if (trade.channel() == SandboxChannel.WECHATPAY) {
            String url = firstNonBlank(refund.notifyUrl(), trade.notifyUrl(), settings.callbackUrlWechatpay());
            if (url != null) {
                String body = wechat.refundBody(eventId, trade, refund);
                delivered = dispatcher.deliver(trade, "REFUND.SUCCESS", eventId,
                        () -> wechat.paymentCallback(url, body), WechatPayMessages::acknowledged);
            }
        } else {
            String url = firstNonBlank(trade.notifyUrl(), settings.callbackUrlAlipay());
            if (url != null) {
                Map<String, String> params = alipay.refundNotice(eventId, trade, refund, clock.instant());
                delivered = dispatcher.deliver(trade, "refund", eventId, () -> alipay.callback(url, params),
                        AlipayMessages::acknowledged);
            }
        }
        // An out-of-order trade's payment callback goes out only once its first refund callback has
        // been delivered (or its first attempt failed), so the receiver sees the refund first.
        delivered.whenComplete((done, failure) -> trade.releaseHeld().forEach(Runnable::run));
    }

    /**
     * The payment callback, its content fixed now: a callback held back by OUT_OF_ORDER still says
     * what was true when the payer paid, as the channels' notifications do.
     */
    private Runnable paymentCallback(SandboxTrade trade) {
        String eventId = ledger.newId("evt");
        if (trade.channel() == SandboxChannel.WECHATPAY) {
            String url = firstNonBlank(trade.notifyUrl(), settings.callbackUrlWechatpay());
            String body = wechat.paymentBody(eventId, trade);
            return () -> {
                if (url != null) {
                    dispatcher.deliver(trade, "TRANSACTION.SUCCESS", eventId, () -> wechat.paymentCallback(url, body),
                            WechatPayMessages::acknowledged);
                }
            };
        }
        String url = firstNonBlank(trade.notifyUrl(), settings.callbackUrlAlipay());
        Map<String, String> params = alipay.paymentNotice(eventId, trade, clock.instant());
        return () -> {
            if (url != null) {
                dispatcher.deliver(trade, "payment", eventId, () -> alipay.callback(url, params),
                        AlipayMessages::acknowledged);
            }
        };
    }

    /** A 5xx answer instead of the call, when that fault is set; nothing changes in the ledger. */
    Optional<SandboxResponse> apiFault(SandboxChannel channel, String outTradeNo) {
        return apiFault(channel, outTradeNo, false);
    }

    /** As {@link #apiFault(SandboxChannel, String)}; a refund request also fails while REFUNDS_DOWN is set. */
    Optional<SandboxResponse> apiFault(SandboxChannel channel, String outTradeNo, boolean refundRequest) {
        if (outTradeNo != null && (ledger.faults(channel, outTradeNo).take(Fault.API_5XX)
                || refundRequest && ledger.faults(channel, outTradeNo).has(Fault.REFUNDS_DOWN))) {
            return Optional.of(SandboxResponse.json(503,
                    "{\"code\":\"SYSTEM_ERROR\",\"message\":\"sandbox fault: service unavailable\"}"));
        }
        return Optional.empty();
    }

    /** The call has been carried out; with API_TIMEOUT set, the answer waits until the caller has given up. */
    void afterApiCall(SandboxTrade trade) {
        if (trade.take(Fault.API_TIMEOUT)) {
            try {
                Thread.sleep(settings.apiTimeoutHold().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    String wechatPayTransaction(SandboxTrade trade) {
        return wechat.transaction(trade);
    }

    String wechatPayRefund(SandboxTrade trade, SandboxRefund refund) {
        return wechat.refund(trade, refund);
    }

    Statements statements() {
        return statements;
    }

    private long scaled(Duration d) {
        return Math.max(1L, Math.round(d.toMillis() * settings.timeFactor()));
    }

    private static String firstNonBlank(String... candidates) {
        for (String c : candidates) {
            if (c != null && !c.isBlank()) {
                return c;
            }
        }
        return null;
    }

    @Override
    public void close() {
        refunds.shutdownNow();
    }
}
