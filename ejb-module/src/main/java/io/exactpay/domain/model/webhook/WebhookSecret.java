package io.exactpay.domain.model.webhook;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * An endpoint's signing secret as Standard Webhooks writes it: {@code whsec_} and the base64 of
 * the key bytes. The HMAC key is the decoded bytes, not the text.
 */
public final class WebhookSecret {

    public static final String PREFIX = "whsec_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private WebhookSecret() {
    }

    /** 32 random bytes, the size of an HMAC-SHA256 block's worth of key the spec suggests (24 to 64). */
    public static String generate() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return PREFIX + Base64.getEncoder().encodeToString(key);
    }

    public static byte[] keyOf(String secret) {
        String encoded = secret.startsWith(PREFIX) ? secret.substring(PREFIX.length()) : secret;
        return Base64.getDecoder().decode(encoded);
    }
}
