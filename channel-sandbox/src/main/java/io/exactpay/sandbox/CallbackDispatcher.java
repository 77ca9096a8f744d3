package io.exactpay.sandbox;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiPredicate;
import java.util.function.Supplier;

/**
 * Sends callbacks asynchronously and keeps retrying on the channel's schedule, scaled by the time
 * factor, until the receiver acknowledges. Applies the trade's callback faults.
 */
public final class CallbackDispatcher implements AutoCloseable {

    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(4, r -> {
        Thread t = new Thread(r, "sandbox-callbacks");
        t.setDaemon(true);
        return t;
    });
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final List<DeliveryRecord> deliveries = new CopyOnWriteArrayList<>();
    private final double timeFactor;
    private final Clock clock;

    public CallbackDispatcher(double timeFactor, Clock clock) {
        this.timeFactor = timeFactor;
        this.clock = clock;
    }

    /**
     * Starts delivering one callback with the channel's retry schedule; completes when the first
     * attempt has ended. Acknowledgements and giving up are recorded on the trade, so a restarted
     * sandbox knows which callbacks are still owed.
     *
     * @param request builds a freshly signed request for each attempt
     * @param acknowledged whether (status, body) is the channel's acknowledgement
     */
    public CompletableFuture<Void> deliver(SandboxTrade trade, SandboxCallback callback,
                                           Supplier<OutboundCallback> request, BiPredicate<Integer, String> acknowledged) {
        Delivery delivery = new Delivery(trade, callback, request, acknowledged);
        if (trade.has(Fault.DROP_ALL_CALLBACKS)) {
            delivery.record(1, DeliveryRecord.Outcome.DROPPED, 0, "");
            trade.callbackEnded(callback, DeliveryRecord.Outcome.DROPPED);
            return CompletableFuture.completedFuture(null);
        }
        long firstDelay = trade.has(Fault.DELAY_CALLBACK) ? trade.faultDelayMillis() : 0;
        CompletableFuture<Void> firstAttempt = new CompletableFuture<>();
        scheduler.schedule(() -> {
            try {
                delivery.attempt(1);
            } finally {
                firstAttempt.complete(null);
            }
        }, firstDelay, TimeUnit.MILLISECONDS);
        return firstAttempt;
    }

    public List<DeliveryRecord> deliveries() {
        return List.copyOf(deliveries);
    }

    private long scaledMillis(Duration interval) {
        return Math.max(1L, Math.round(interval.toMillis() * timeFactor));
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }

    private final class Delivery {
        private final SandboxTrade trade;
        private final SandboxCallback callback;
        private final Supplier<OutboundCallback> request;
        private final BiPredicate<Integer, String> acknowledged;

        Delivery(SandboxTrade trade, SandboxCallback callback, Supplier<OutboundCallback> request,
                 BiPredicate<Integer, String> acknowledged) {
            this.trade = trade;
            this.callback = callback;
            this.request = request;
            this.acknowledged = acknowledged;
        }

        void attempt(int attempt) {
            if (attempt == 1 && trade.has(Fault.DROP_CALLBACK)) {
                record(attempt, DeliveryRecord.Outcome.DROPPED, 0, "");
                retryAfter(attempt);
                return;
            }
            boolean acked = send(attempt);
            if (acked) {
                if (trade.has(Fault.DUPLICATE_CALLBACK)) {
                    int copies = trade.faultRepeat();
                    scheduler.execute(() -> {
                        for (int i = 1; i <= copies; i++) send(attempt + i);
                    });
                }
            } else {
                retryAfter(attempt);
            }
        }

        private void retryAfter(int attempt) {
            List<Duration> schedule = RetrySchedule.of(trade.channel());
            if (attempt > schedule.size()) {
                record(attempt, DeliveryRecord.Outcome.GAVE_UP, 0, "");
                trade.callbackEnded(callback, DeliveryRecord.Outcome.GAVE_UP);
                return;
            }
            scheduler.schedule(() -> attempt(attempt + 1), scaledMillis(schedule.get(attempt - 1)),
                    TimeUnit.MILLISECONDS);
        }

        private boolean send(int attempt) {
            OutboundCallback outbound = request.get();
            try {
                HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(outbound.url()))
                        .timeout(Duration.ofSeconds(10))
                        .header("Content-Type", outbound.contentType())
                        .POST(HttpRequest.BodyPublishers.ofString(outbound.body()));
                outbound.headers().forEach(builder::header);
                HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
                boolean ok = acknowledged.test(response.statusCode(), response.body());
                if (ok) {
                    trade.callbackAcknowledged(callback);
                }
                record(attempt, ok ? DeliveryRecord.Outcome.ACKNOWLEDGED : DeliveryRecord.Outcome.NOT_ACKNOWLEDGED,
                        response.statusCode(), response.body());
                return ok;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return true;
            } catch (Exception e) {
                record(attempt, DeliveryRecord.Outcome.FAILED, 0, String.valueOf(e));
                return false;
            }
        }

        void record(int attempt, DeliveryRecord.Outcome outcome, int status, String body) {
            String shortBody = body == null ? "" : body.substring(0, Math.min(body.length(), 500));
            deliveries.add(new DeliveryRecord(trade.channel(), trade.outTradeNo(),
                    callback.kind().deliveryName(trade.channel()), callback.eventId(), attempt, outcome, status,
                    shortBody, clock.instant()));
        }
    }
}
