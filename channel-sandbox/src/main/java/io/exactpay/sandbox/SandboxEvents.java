package io.exactpay.sandbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
        Instant at = clock.instant();
        SandboxCallback callback = paymentCallback(trade, at);
        if (!trade.pay(at, callback)) {
            return false;
        }
        if (callback != null) {
            if (trade.has(Fault.OUT_OF_ORDER)) {
                trade.hold(() -> deliver(trade, callback));
            } else {
                deliver(trade, callback);
            }
        }
        return true;
    }

    /** With PAY_AFTER_CLOSE set, the payer's payment lands just before the close request is applied. */
    void payerRacesClose(SandboxTrade trade) {
        if (trade.take(Fault.PAY_AFTER_CLOSE)) {
            pay(trade);
        }
    }

    /**
     * Takes the refund (or finds the one taken before under that number) and lets it settle: Alipay
     * at once, WeChat Pay a while later. Empty when the trade has not that much left to refund.
     */
    Optional<SandboxRefund> startRefund(SandboxTrade trade, String outRefundNo, long amount, String notifyUrl) {
        String refundId = ledger.newId("5030");
        Optional<SandboxRefund> refund = trade.addRefund(outRefundNo, refundId, amount, clock.instant(), notifyUrl);
        if (refund.isPresent() && refund.get().refundId().equals(refundId)) {
            settleLater(trade, refund.get());
        }
        return refund;
    }

    private void settleLater(SandboxTrade trade, SandboxRefund refund) {
        if (trade.channel() == SandboxChannel.ALIPAY) {
            settleRefund(trade, refund);
            return;
        }
        Instant due = refund.createdAt().plusMillis(scaled(WECHATPAY_REFUND_SETTLES_AFTER));
        long delay = Math.max(0, Duration.between(clock.instant(), due).toMillis());
        refunds.schedule(() -> settleRefund(trade, refund), delay, TimeUnit.MILLISECONDS);
    }

    private void settleRefund(SandboxTrade trade, SandboxRefund refund) {
        Instant at = clock.instant();
        SandboxCallback callback = refundCallback(trade, refund, at);
        if (!trade.settleRefund(refund, at, callback)) {
            return;
        }
        CompletableFuture<Void> delivered = callback == null ? CompletableFuture.completedFuture(null)
                : deliver(trade, callback);
        // An out-of-order trade's payment callback goes out only once its first refund callback has
        // been delivered (or its first attempt failed), so the receiver sees the refund first.
        delivered.whenComplete((done, failure) -> trade.releaseHeld().forEach(Runnable::run));
    }

    /**
     * After a restart, the channel carries on where it stopped: refunds still processing settle when
     * they are due, and every callback not yet acknowledged is delivered again from its first attempt.
     */
    void resume() {
        for (SandboxTrade trade : ledger.allTrades()) {
            for (SandboxRefund refund : trade.refunds()) {
                if (refund.state() == SandboxRefund.State.PROCESSING) {
                    settleLater(trade, refund);
                }
            }
            for (SandboxCallback callback : trade.callbacks()) {
                if (pendingOf(trade, callback)) {
                    deliver(trade, callback);
                }
            }
        }
    }

    private static boolean pendingOf(SandboxTrade trade, SandboxCallback callback) {
        synchronized (trade) {
            return callback.pending();
        }
    }

    /**
     * The payment callback of a trade paid at {@code at}, its content fixed now: a callback held back
     * by OUT_OF_ORDER, or re-sent after a restart, still says what was true when the payer paid, as
     * the channels' notifications do. Null when there is nowhere to send it.
     */
    private SandboxCallback paymentCallback(SandboxTrade trade, Instant at) {
        String eventId = ledger.newId("evt");
        if (trade.channel() == SandboxChannel.WECHATPAY) {
            String url = firstNonBlank(trade.notifyUrl(), settings.callbackUrlWechatpay());
            return url == null ? null : new SandboxCallback(SandboxCallback.Kind.PAYMENT, eventId, null, url,
                    wechat.paymentBody(eventId, trade, at));
        }
        String url = firstNonBlank(trade.notifyUrl(), settings.callbackUrlAlipay());
        return url == null ? null : new SandboxCallback(SandboxCallback.Kind.PAYMENT, eventId, null, url,
                AlipaySigning.formBody(alipay.paymentNotice(eventId, trade, at, clock.instant())));
    }

    /** The notice of a refund settled at {@code at}; null when there is nowhere to send it. */
    private SandboxCallback refundCallback(SandboxTrade trade, SandboxRefund refund, Instant at) {
        String eventId = ledger.newId("evt");
        if (trade.channel() == SandboxChannel.WECHATPAY) {
            String url = firstNonBlank(refund.notifyUrl(), trade.notifyUrl(), settings.callbackUrlWechatpay());
            return url == null ? null : new SandboxCallback(SandboxCallback.Kind.REFUND, eventId,
                    refund.outRefundNo(), url, wechat.refundBody(eventId, trade, refund, at));
        }
        String url = firstNonBlank(trade.notifyUrl(), settings.callbackUrlAlipay());
        return url == null ? null : new SandboxCallback(SandboxCallback.Kind.REFUND, eventId, refund.outRefundNo(),
                url, AlipaySigning.formBody(alipay.refundNotice(eventId, trade, refund, at, clock.instant())));
    }

    private CompletableFuture<Void> deliver(SandboxTrade trade, SandboxCallback callback) {
        if (trade.channel() == SandboxChannel.WECHATPAY) {
            return dispatcher.deliver(trade, callback, () -> wechat.callback(callback.url(), callback.body()),
                    WechatPayMessages::acknowledged);
        }
        return dispatcher.deliver(trade, callback, () -> alipay.callback(callback.url(), callback.body()),
                AlipayMessages::acknowledged);
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
