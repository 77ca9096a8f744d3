package io.exactpay.domain.model.webhook;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WebhookSignatureTest {

    // The Standard Webhooks specification's published test vector: a receiver using any of its
    // libraries verifies what we sign.
    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private static final long TIMESTAMP = 1614265330;
    private static final String BODY = "{\"test\": 2432232314}";
    private static final String EXPECTED = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

    @Test
    void signsLikeTheStandardWebhooksTestVector() {
        assertEquals(EXPECTED, WebhookSignature.sign(SECRET, ID, TIMESTAMP, BODY));
    }

    @Test
    void aReceiverRefusesAnAlteredBodyAnotherIdOrTimestampAndAnotherSecret() {
        assertTrue(WebhookSignature.verify(SECRET, ID, TIMESTAMP, BODY, EXPECTED));
        assertFalse(WebhookSignature.verify(SECRET, ID, TIMESTAMP, "{\"test\": 2432232315}", EXPECTED));
        assertFalse(WebhookSignature.verify(SECRET, "msg_other", TIMESTAMP, BODY, EXPECTED));
        assertFalse(WebhookSignature.verify(SECRET, ID, TIMESTAMP + 1, BODY, EXPECTED));
        assertFalse(WebhookSignature.verify(WebhookSecret.generate(), ID, TIMESTAMP, BODY, EXPECTED));
    }

    @Test
    void duringARotationBothSecretsSignSpaceSeparatedAndEitherVerifies() {
        String next = WebhookSecret.generate();
        String header = WebhookSignature.header(List.of(next, SECRET), ID, TIMESTAMP, BODY);
        assertEquals(2, header.split(" ").length);
        assertTrue(header.endsWith(" " + EXPECTED));
        assertTrue(WebhookSignature.verify(next, ID, TIMESTAMP, BODY, header));
        assertTrue(WebhookSignature.verify(SECRET, ID, TIMESTAMP, BODY, header));
    }

    @Test
    void aGeneratedSecretIsWhsecAndThirtyTwoRandomBytes() {
        String secret = WebhookSecret.generate();
        assertTrue(secret.startsWith("whsec_"), secret);
        assertEquals(32, WebhookSecret.keyOf(secret).length);
        assertFalse(secret.equals(WebhookSecret.generate()));
    }
}
