package io.exactpay.chaos;

import com.google.gson.JsonObject;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;

/**
 * The orders a chaos run drives, each in one race: a plain payment, both channels paid at the same
 * instant, a cancel of every reason racing a payment, both channels racing a cancel, a payment
 * around the order's expiry, a legacy system's order cancelled over JMS while its payer pays, and
 * a double payment whose refund meets a channel outage for a while. A share of them carry a
 * channel fault: callbacks duplicated, dropped, delayed, never sent or out of order, or a close
 * that loses to the payer.
 */
final class Workload {

    enum Race { PAY, BOTH_CHANNELS, CANCEL_RACE, BOTH_CHANNELS_CANCEL, EXPIRY_RACE, LEGACY_CANCEL_RACE, REFUND_OUTAGE }

    /** One order as it was played. */
    record Played(int index, Race race, String orderId, String merchantOrderNo, List<String> trades, String how) {
    }

    static final String PORTAL_CLIENT = "chaos-portal";

    private static final List<String> CALLBACK_FAULTS = List.of("DUPLICATE_CALLBACK", "DROP_CALLBACK",
            "DELAY_CALLBACK", "DROP_ALL_CALLBACKS", "OUT_OF_ORDER");
    private static final String[] PORTAL_CANCELS = {"PAYER_REQUEST", "MERCHANT_REQUEST", "SUPPORT"};

    private final Portal portal;
    private final Payer payer;
    private final LegacyErp erp;
    private final String portalToken;
    private final String erpToken;
    private final String supportToken;
    private final String run;
    private final Set<String> outageTrades = ConcurrentHashMap.newKeySet();

    Workload(Portal portal, Payer payer, LegacyErp erp, String portalToken, String erpToken, String supportToken,
             String run) {
        this.portal = portal;
        this.payer = payer;
        this.erp = erp;
        this.portalToken = portalToken;
        this.erpToken = erpToken;
        this.supportToken = supportToken;
        this.run = run;
    }

    static Race pick(Random random) {
        int n = random.nextInt(100);
        if (n < 20) return Race.PAY;
        if (n < 45) return Race.BOTH_CHANNELS;
        if (n < 70) return Race.CANCEL_RACE;
        if (n < 75) return Race.BOTH_CHANNELS_CANCEL;
        if (n < 85) return Race.EXPIRY_RACE;
        if (n < 95) return Race.LEGACY_CANCEL_RACE;
        return Race.REFUND_OUTAGE;
    }

    Played play(int index, Race race, Random random) throws Exception {
        String no = run + index;
        long amount = 100 + random.nextInt(100_000);
        String channel = random.nextBoolean() ? "WECHAT_PAY" : "ALIPAY";
        String other = channel.equals("WECHAT_PAY") ? "ALIPAY" : "WECHAT_PAY";
        return switch (race) {
            case PAY -> {
                String id = createOrder(no, amount, null);
                List<String> trades = open(id, no, portalToken, channel);
                String fault = maybeCallbackFault(trades, random);
                payAll(trades);
                yield new Played(index, race, id, no, trades, "pay" + fault);
            }
            case BOTH_CHANNELS -> {
                String id = createOrder(no, amount, null);
                List<String> trades = open(id, no, portalToken, channel, other);
                String fault = maybeCallbackFault(trades, random);
                payAll(trades);
                yield new Played(index, race, id, no, trades, "both channels at once" + fault);
            }
            case CANCEL_RACE -> {
                String id = createOrder(no, amount, null);
                List<String> trades = open(id, no, portalToken, channel);
                String reason = PORTAL_CANCELS[random.nextInt(PORTAL_CANCELS.length)];
                String fault = random.nextBoolean() ? closeLosesToPayer(trades) : maybeCallbackFault(trades, random);
                String order = raceCancel(id, reason, trades, random, () -> portalCancel(id, reason));
                yield new Played(index, race, id, no, trades, reason + " " + order + fault);
            }
            case BOTH_CHANNELS_CANCEL -> {
                String id = createOrder(no, amount, null);
                List<String> trades = open(id, no, portalToken, channel, other);
                String reason = random.nextBoolean() ? "MERCHANT_REQUEST" : "PAYER_REQUEST";
                String order = raceCancel(id, reason, trades, random, () -> portalCancel(id, reason));
                yield new Played(index, race, id, no, trades, reason + " " + order);
            }
            case EXPIRY_RACE -> {
                long placed = System.nanoTime();
                String id = createOrder(no, amount, 4);
                List<String> trades = open(id, no, portalToken, channel);
                long wait = 2_500 + random.nextInt(3_000) - (System.nanoTime() - placed) / 1_000_000;
                if (wait > 0) Thread.sleep(wait);
                payAll(trades);
                yield new Played(index, race, id, no, trades, "pay around the 4 s expiry");
            }
            case LEGACY_CANCEL_RACE -> {
                String id = erp.createOrder(no + "-create", no, amount);
                List<String> trades = open(id, no, erpToken, channel);
                String reason = random.nextBoolean() ? "MERCHANT_REQUEST" : "PAYER_REQUEST";
                String fault = random.nextInt(4) == 0 ? closeLosesToPayer(trades) : "";
                String order = raceCancel(id, reason, trades, random, () -> erp.cancelOrder(no + "-cancel", id, reason));
                yield new Played(index, race, id, no, trades, "legacy " + reason + " " + order + fault);
            }
            case REFUND_OUTAGE -> {
                String id = createOrder(no, amount, null);
                List<String> trades = open(id, no, portalToken, channel, other);
                for (String trade : trades) {
                    payer.faults(trade, "REFUNDS_DOWN");
                    outageTrades.add(trade);
                }
                payAll(trades);
                yield new Played(index, race, id, no, trades, "both channels, refunds down");
            }
        };
    }

    /** Trades whose channel refuses refunds until {@link #endRefundOutage} . */
    void endRefundOutage() throws Exception {
        for (String trade : outageTrades) payer.faults(trade);
    }

    private interface Cancel {
        void run() throws Exception;
    }

    /** Cancel first, pay first, or both at the same instant. */
    private String raceCancel(String orderId, String reason, List<String> trades, Random random, Cancel cancel)
            throws Exception {
        switch (random.nextInt(3)) {
            case 0 -> {
                cancel.run();
                payAll(trades);
                return "cancel first";
            }
            case 1 -> {
                payAll(trades);
                Thread.sleep(random.nextInt(300));
                cancel.run();
                return "pay first";
            }
            default -> {
                CountDownLatch start = new CountDownLatch(1);
                Thread payers = new Thread(() -> {
                    try {
                        start.await();
                        payAll(trades);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
                payers.start();
                start.countDown();
                cancel.run();
                payers.join();
                return "at once";
            }
        }
    }

    private void portalCancel(String orderId, String reason) throws InterruptedException {
        String token = reason.equals("SUPPORT") ? supportToken : portalToken;
        Portal.Answer answer = portal.post("/api/v1/orders/" + orderId + "/cancel", "{\"reason\":\"" + reason + "\"}",
                token, null);
        if (answer.status() != 200 && answer.status() != 409) {
            throw new IllegalStateException("cancel answered " + answer.status() + " " + answer.body());
        }
    }

    private String createOrder(String no, long amount, Integer timeToPaySeconds) throws InterruptedException {
        JsonObject body = new JsonObject();
        body.addProperty("merchantOrderNo", no);
        body.addProperty("amount", amount);
        body.addProperty("currency", "CNY");
        body.addProperty("subject", "Chaos order");
        if (timeToPaySeconds != null) body.addProperty("timeToPaySeconds", timeToPaySeconds);
        Portal.Answer created = portal.post("/api/v1/orders", body.toString(), portalToken, no + ":create");
        if (created.status() != 201) throw new IllegalStateException("order not created: " + created.body());
        return created.json().get("id").getAsString();
    }

    /** Opens a trade on each channel; an order that stopped being payable (expired) gets none. */
    private List<String> open(String orderId, String no, String token, String... channels) throws InterruptedException {
        List<String> trades = new ArrayList<>();
        for (String channel : channels) {
            for (int attempt = 1; ; attempt++) {
                Portal.Answer started = portal.post("/api/v1/orders/" + orderId + "/payments",
                        "{\"channel\":\"" + channel + "\"}", token, no + ":pay:" + channel);
                if (started.status() == 201) {
                    trades.add(started.json().get("outTradeNo").getAsString());
                    break;
                }
                if (started.status() == 409) break; // not payable any more (expired or cancelled)
                if (attempt == 5) throw new IllegalStateException("payment not started: " + started.body());
                Thread.sleep(1_000); // 503 channel-unavailable, 502: retrying is safe
            }
        }
        return trades;
    }

    private String maybeCallbackFault(List<String> trades, Random random) throws Exception {
        if (trades.isEmpty() || random.nextInt(4) != 0) return "";
        String fault = CALLBACK_FAULTS.get(random.nextInt(CALLBACK_FAULTS.size()));
        payer.faults(trades.get(0), fault);
        return ", " + fault;
    }

    private String closeLosesToPayer(List<String> trades) throws Exception {
        if (trades.isEmpty()) return "";
        payer.faults(trades.get(0), "PAY_AFTER_CLOSE");
        return ", PAY_AFTER_CLOSE";
    }

    /** The payer pays every trade at the same instant. */
    private void payAll(List<String> trades) throws Exception {
        if (trades.size() == 1) {
            pay(trades.get(0));
            return;
        }
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (String trade : trades) {
            Thread t = new Thread(() -> {
                try {
                    start.await();
                    pay(trade);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            t.start();
            threads.add(t);
        }
        start.countDown();
        for (Thread t : threads) t.join();
    }

    private void pay(String trade) throws Exception {
        int status = payer.pay(trade);
        if (status != 200 && status != 409) throw new IllegalStateException("payer got HTTP " + status + " for " + trade);
    }
}
