package io.exactpay.sandbox;

import java.util.Locale;

/** The two channels the sandbox imitates; the wire name is what the control API accepts. */
public enum SandboxChannel {
    WECHATPAY, ALIPAY;

    public static SandboxChannel parse(String text) {
        return valueOf(text.trim().toUpperCase(Locale.ROOT).replace("_", "").replace("-", ""));
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
