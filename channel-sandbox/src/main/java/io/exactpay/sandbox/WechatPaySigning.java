package io.exactpay.sandbox;

import com.google.gson.JsonObject;
import com.wechat.pay.java.core.cipher.AeadAesCipher;
import com.wechat.pay.java.core.cipher.RSASigner;
import com.wechat.pay.java.core.cipher.RSAVerifier;
import com.wechat.pay.java.core.util.NonceUtil;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * WeChat Pay v3 cryptography on the platform's side, all done by the official SDK: signing
 * responses and notifications with the platform key (RSASigner), encrypting notification
 * resources with the APIv3 key (AeadAesCipher), and checking the merchant's request signatures
 * (RSAVerifier). Public so tests can forge callbacks, good and bad.
 */
public final class WechatPaySigning {

    private static final Pattern AUTH_FIELD = Pattern.compile("(\\w+)=\"([^\"]*)\"");

    private final SandboxKeys keys;
    private final Clock clock;
    private final RSASigner platformSigner;
    private final RSAVerifier merchantVerifier;
    private final AeadAesCipher cipher;

    public WechatPaySigning(SandboxKeys keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
        this.platformSigner = new RSASigner(keys.wechatPlatformKeyId(), keys.wechatPlatformPrivateKey());
        this.merchantVerifier = new RSAVerifier(keys.wechatMerchantPublicKey(), keys.wechatMerchantSerial());
        this.cipher = new AeadAesCipher(keys.wechatApiV3Key().getBytes(StandardCharsets.UTF_8));
    }

    /** Fresh {@code Wechatpay-*} headers over {@code body}, signed now with the platform key. */
    public Map<String, String> signedHeaders(String body) {
        return signedHeaders(body, clock.instant(), NonceUtil.createNonce(32), keys.wechatPlatformKeyId());
    }

    public Map<String, String> signedHeaders(String body, Instant timestamp, String nonce, String serial) {
        String ts = Long.toString(timestamp.getEpochSecond());
        String signature = platformSigner.sign(ts + "\n" + nonce + "\n" + body + "\n").getSign();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Wechatpay-Timestamp", ts);
        headers.put("Wechatpay-Nonce", nonce);
        headers.put("Wechatpay-Serial", serial);
        headers.put("Wechatpay-Signature", signature);
        headers.put("Wechatpay-Signature-Type", "WECHATPAY2-SHA256-RSA2048");
        return headers;
    }

    /** A notification body whose resource is {@code plaintext}, encrypted with the APIv3 key. */
    public String notificationBody(String id, String eventType, String originalType, String summary,
                                   String plaintext) {
        String nonce = NonceUtil.createNonce(12);
        String associatedData = originalType;
        String ciphertext = cipher.encrypt(associatedData.getBytes(StandardCharsets.UTF_8),
                nonce.getBytes(StandardCharsets.UTF_8), plaintext.getBytes(StandardCharsets.UTF_8));
        JsonObject resource = new JsonObject();
        resource.addProperty("original_type", originalType);
        resource.addProperty("algorithm", "AEAD_AES_256_GCM");
        resource.addProperty("ciphertext", ciphertext);
        resource.addProperty("associated_data", associatedData);
        resource.addProperty("nonce", nonce);
        JsonObject body = new JsonObject();
        body.addProperty("id", id);
        body.addProperty("create_time", ChannelFormats.time(clock.instant()));
        body.addProperty("resource_type", "encrypt-resource");
        body.addProperty("event_type", eventType);
        body.addProperty("summary", summary);
        body.add("resource", resource);
        return body.toString();
    }

    /** Checks the merchant's {@code Authorization} header over method, path with query, and body. */
    public boolean merchantSignatureValid(SandboxRequest request) {
        String authorization = request.header("Authorization");
        if (authorization == null || !authorization.startsWith("WECHATPAY2-SHA256-RSA2048 ")) {
            return false;
        }
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher m = AUTH_FIELD.matcher(authorization);
        while (m.find()) {
            fields.put(m.group(1), m.group(2));
        }
        if (!keys.wechatMchid().equals(fields.get("mchid"))
                || !keys.wechatMerchantSerial().equals(fields.get("serial_no"))) {
            return false;
        }
        String message = request.method() + "\n" + request.pathAndQuery() + "\n" + fields.get("timestamp") + "\n"
                + fields.get("nonce_str") + "\n" + (request.body() == null ? "" : request.body()) + "\n";
        return merchantVerifier.verify(fields.get("serial_no"), message, fields.getOrDefault("signature", ""));
    }
}
