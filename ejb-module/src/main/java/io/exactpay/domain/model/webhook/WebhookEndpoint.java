package io.exactpay.domain.model.webhook;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * A portal client's webhook endpoint. Registered with a URL and the event types it wants and a
 * fresh secret; {@link #rotateSecret} replaces the secret while the previous one keeps signing
 * for an overlap, so a receiver switches without losing a message; {@link #disable} ends it (its
 * events are no longer recorded, and what is still pending for it is not sent).
 */
@Entity
@Table(name = "webhook_endpoint")
public class WebhookEndpoint {

    /** Every event ExactPay publishes; an endpoint subscribes to some of them. */
    public static final Set<String> EVENT_TYPES = Set.of("OrderCreated", "OrderPaid", "DuplicatePaymentRefunding",
            "LatePaymentRefunding", "MismatchedPaymentRefunding", "OrderClosed", "OrderRefunding", "OrderRefunded", "RefundSucceeded",
            "RefundFailed");

    @Id
    private UUID id;

    @Column(name = "client_id", nullable = false, updatable = false)
    private String clientId;

    @Column(nullable = false, updatable = false)
    private String url;

    @Column(name = "event_types", nullable = false, updatable = false)
    private String eventTypes;

    @Column(nullable = false)
    private String secret;

    @Column(name = "previous_secret")
    private String previousSecret;

    @Column(name = "previous_secret_expires_at")
    private Instant previousSecretExpiresAt;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "disabled_at")
    private Instant disabledAt;

    protected WebhookEndpoint() {
        // for JPA
    }

    public WebhookEndpoint(String clientId, String url, List<String> eventTypes, Instant now) {
        if (clientId == null || clientId.isBlank()) throw new InvalidWebhookEndpointException("clientId is required");
        this.id = UUID.randomUUID();
        this.clientId = clientId;
        this.url = checkedUrl(url);
        this.eventTypes = String.join(" ", checkedEventTypes(eventTypes));
        this.secret = WebhookSecret.generate();
        this.createdAt = now;
    }

    /**
     * Only absolute http(s) URLs with a host, and none with credentials in them: a user:password
     * in the URL would be stored, shown to support and sent in clear to whoever the host is.
     */
    static String checkedUrl(String url) {
        if (url == null || url.isBlank()) throw new InvalidWebhookEndpointException("url is required");
        if (url.length() > 2048) throw new InvalidWebhookEndpointException("url is longer than 2048 characters");
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new InvalidWebhookEndpointException("url is not a valid URI: " + e.getMessage());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new InvalidWebhookEndpointException("url must be http or https");
        }
        if (uri.getRawUserInfo() != null || (uri.getRawAuthority() != null && uri.getRawAuthority().contains("@"))) {
            throw new InvalidWebhookEndpointException("url must not carry credentials");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) throw new InvalidWebhookEndpointException("url must name a host");
        if (uri.getRawFragment() != null) throw new InvalidWebhookEndpointException("url must not have a fragment");
        return url;
    }

    static List<String> checkedEventTypes(List<String> types) {
        if (types == null || types.isEmpty()) throw new InvalidWebhookEndpointException("eventTypes must name at least one event");
        Set<String> distinct = new LinkedHashSet<>();
        for (String type : types) {
            if (!EVENT_TYPES.contains(type)) {
                throw new InvalidWebhookEndpointException("unknown event type " + type + "; known: " + EVENT_TYPES);
            }
            distinct.add(type);
        }
        return new ArrayList<>(distinct);
    }

    /** A new secret; the current one keeps signing alongside until {@code now + overlap}. */
    public String rotateSecret(Duration overlap, Instant now) {
        requireEnabled();
        previousSecret = secret;
        previousSecretExpiresAt = now.plus(overlap);
        secret = WebhookSecret.generate();
        return secret;
    }

    public void disable(Instant now) {
        if (disabledAt == null) disabledAt = now;
    }

    /** The secrets that sign a message sent at {@code now}: the current, and the previous during its overlap. */
    public List<String> signingSecrets(Instant now) {
        List<String> secrets = new ArrayList<>();
        secrets.add(secret);
        if (previousSecret != null && now.isBefore(previousSecretExpiresAt)) secrets.add(previousSecret);
        return secrets;
    }

    public boolean subscribesTo(String eventType) {
        return disabledAt == null && eventTypes().contains(eventType);
    }

    private void requireEnabled() {
        if (disabledAt != null) throw new IllegalStateException("endpoint " + id + " is disabled");
    }

    public UUID id() {
        return id;
    }

    public String clientId() {
        return clientId;
    }

    public String url() {
        return url;
    }

    public List<String> eventTypes() {
        return Arrays.asList(eventTypes.split(" "));
    }

    public String secret() {
        return secret;
    }

    public Instant previousSecretExpiresAt() {
        return previousSecretExpiresAt;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant disabledAt() {
        return disabledAt;
    }

    public boolean enabled() {
        return disabledAt == null;
    }
}
