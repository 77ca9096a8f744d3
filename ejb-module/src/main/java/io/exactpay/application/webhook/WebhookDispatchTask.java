package io.exactpay.application.webhook;

import io.exactpay.domain.model.webhook.DeliveryStatus;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends the committed outbox every {@code exactpay.webhooks.poll-interval}: claims what is due,
 * POSTs the claimed deliveries at once (each bounded by the connect and read timeouts), and
 * records each attempt in its own transaction. At least once: a delivery is marked only after its
 * answer, so a crash between the two sends it again, with the same webhook-id.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class WebhookDispatchTask {

    private static final Logger LOG = Logger.getLogger(WebhookDispatchTask.class.getName());
    private static final int BATCH = 50;
    private static final int ROUNDS_PER_PASS = 10;

    @Resource
    private TimerService timers;

    @Inject
    private WebhookDispatchSteps steps;

    @Inject
    private WebhookSender sender;

    @Inject
    private WebhookSettings settings;

    @Inject
    private MetricRegistry metrics;

    private final AtomicBoolean running = new AtomicBoolean();

    @PostConstruct
    void schedule() {
        long millis = settings.pollInterval().toMillis();
        timers.createIntervalTimer(millis, millis, new TimerConfig("webhook-dispatch", false));
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void pass() {
        if (!running.compareAndSet(false, true)) return;
        try {
            for (int round = 0; round < ROUNDS_PER_PASS; round++) {
                if (sendDue() < BATCH) break;
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "webhook dispatch pass failed; the next pass tries again", e);
        } finally {
            running.set(false);
        }
    }

    private int sendDue() {
        List<OutgoingWebhook> claimed = steps.claimDue(BATCH);
        List<CompletableFuture<SendOutcome>> sending = new ArrayList<>();
        for (OutgoingWebhook webhook : claimed) sending.add(sender.send(webhook));
        for (int i = 0; i < claimed.size(); i++) {
            OutgoingWebhook webhook = claimed.get(i);
            SendOutcome outcome = sending.get(i).join();
            try {
                DeliveryStatus status = steps.record(webhook.deliveryId(), outcome);
                String result = outcome.delivered() ? "delivered" : status == DeliveryStatus.DEAD ? "dead" : "failed";
                metrics.counter("exactpay_webhook_deliveries", new Tag("outcome", result)).inc();
                if (status == DeliveryStatus.DEAD) {
                    LOG.warning(() -> "webhook " + webhook.webhookId() + " delivery " + webhook.deliveryId() + " to "
                            + webhook.url() + " is DEAD after its retry window; last: " + describe(outcome));
                }
            } catch (RuntimeException e) {
                // Not recorded: the claim's lease ends and the delivery is sent again.
                LOG.log(Level.WARNING, "webhook delivery " + webhook.deliveryId() + " attempt not recorded", e);
            }
        }
        return claimed.size();
    }

    private static String describe(SendOutcome outcome) {
        return outcome.statusCode() != null ? String.format(Locale.ROOT, "HTTP %d", outcome.statusCode())
                : outcome.error();
    }
}
