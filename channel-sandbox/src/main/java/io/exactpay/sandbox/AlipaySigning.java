package io.exactpay.sandbox;

import com.alipay.api.AlipayApiException;
import com.alipay.api.internal.util.AlipaySignature;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Alipay RSA2 cryptography on the platform's side, done by the official SDK's AlipaySignature:
 * signing gateway responses and notifications with the Alipay key (distinct from the app's key),
 * and checking the app's request signatures. Public so tests can forge callbacks.
 */
public final class AlipaySigning {

    private final SandboxKeys keys;

    public AlipaySigning(SandboxKeys keys) {
        this.keys = keys;
    }

    /**
     * The gateway's answer: compact JSON {@code {"<method>_response":{...},"sign":"..."}}, signed
     * over the exact text of the inner object, which is how the SDK checks it.
     */
    public String response(String method, String innerJson) {
        String key = method.replace('.', '_') + "_response";
        return "{\"" + key + "\":" + innerJson + ",\"sign\":\"" + sign(innerJson) + "\"}";
    }

    public String sign(String content) {
        try {
            return AlipaySignature.rsaSign(content, keys.alipayPlatformPrivateKeyText(), "UTF-8", "RSA2");
        } catch (AlipayApiException e) {
            throw new IllegalStateException("cannot sign with the sandbox Alipay key", e);
        }
    }

    /** Adds {@code sign_type} and {@code sign} over the sorted parameters, as Alipay signs notifications. */
    public Map<String, String> signNotification(Map<String, String> params) {
        Map<String, String> signed = new LinkedHashMap<>(params);
        signed.remove("sign");
        signed.remove("sign_type");
        String sign = sign(AlipaySignature.getSignCheckContentV1(signed));
        signed.put("sign_type", "RSA2");
        signed.put("sign", sign);
        return signed;
    }

    /** Checks a gateway request: every parameter but {@code sign} is signed with the app's key. */
    public boolean appSignatureValid(Map<String, String> params) {
        try {
            String charset = params.getOrDefault("charset", "UTF-8");
            return "RSA2".equals(params.get("sign_type"))
                    && AlipaySignature.rsaCheckV2(params, keys.alipayAppPublicKeyText(), charset, "RSA2");
        } catch (AlipayApiException | RuntimeException e) {
            return false;
        }
    }

    public static String formBody(Map<String, String> params) {
        return params.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
