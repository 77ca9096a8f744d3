package io.exactpay.domain.model.webhook;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WebhookEndpointTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    private static WebhookEndpoint endpoint() {
        return new WebhookEndpoint("shop", "https://hooks.example/exactpay", List.of("OrderPaid", "RefundSucceeded"), NOW);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://hooks.example/x", "file:///etc/passwd", "javascript:alert(1)", "hooks.example/x",
            "https://user:secret@hooks.example/x", "https://token@hooks.example/x", "https:///x", "https://hooks.example/x#f",
            "http://exa mple/"})
    void onlyHttpUrlsWithAHostAndNoCredentials(String url) {
        assertThrows(InvalidWebhookEndpointException.class,
                () -> new WebhookEndpoint("shop", url, List.of("OrderPaid"), NOW));
    }

    @Test
    void unknownOrNoEventTypesAreRefused() {
        assertThrows(InvalidWebhookEndpointException.class,
                () -> new WebhookEndpoint("shop", "https://h.example/", List.of("OrderShipped"), NOW));
        assertThrows(InvalidWebhookEndpointException.class,
                () -> new WebhookEndpoint("shop", "https://h.example/", List.of(), NOW));
    }

    @Test
    void subscribesOnlyToItsEventTypesWhileEnabled() {
        WebhookEndpoint endpoint = endpoint();
        assertTrue(endpoint.subscribesTo("OrderPaid"));
        assertFalse(endpoint.subscribesTo("OrderClosed"));
        endpoint.disable(NOW);
        assertFalse(endpoint.subscribesTo("OrderPaid"));
    }

    @Test
    void aRotatedSecretSignsAloneOnceTheOverlapEnds() {
        WebhookEndpoint endpoint = endpoint();
        String old = endpoint.secret();
        String next = endpoint.rotateSecret(Duration.ofHours(24), NOW);
        assertNotEquals(old, next);
        assertEquals(List.of(next, old), endpoint.signingSecrets(NOW.plusSeconds(60)));
        assertEquals(List.of(next), endpoint.signingSecrets(NOW.plus(Duration.ofHours(24))));
    }
}
