package io.exactpay.sandbox;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How the sandbox is started.
 *
 * @param port TCP port on 127.0.0.1; 0 picks a free one
 * @param keysDir key material and identities, generated when absent
 * @param timeFactor multiplies every channel delay (retry intervals, refund settling); 0.001 runs
 *                   WeChat Pay's whole 24-hour retry schedule in about 90 seconds
 * @param apiTimeoutHold how long an API call with the API_TIMEOUT fault waits before answering
 * @param callbackUrlWechatpay where callbacks go when a trade names no notify_url; may be null
 * @param callbackUrlAlipay the same for Alipay; may be null
 * @param dataDir where the ledger's journal lives, so trades, refunds and owed callbacks survive a
 *                restart (even a kill); null keeps the ledger in memory only
 */
public record SandboxSettings(int port, Path keysDir, double timeFactor, Duration apiTimeoutHold,
                              String callbackUrlWechatpay, String callbackUrlAlipay, Path dataDir) {

    public SandboxSettings {
        if (timeFactor <= 0) {
            throw new IllegalArgumentException("time factor must be positive");
        }
    }

    /** A free port, real-time delays, no callback URLs, and a ledger in memory only. */
    public static SandboxSettings defaults(Path keysDir) {
        return new SandboxSettings(0, keysDir, 1.0, Duration.ofSeconds(10), null, null, null);
    }

    public SandboxSettings withTimeFactor(double factor) {
        return new SandboxSettings(port, keysDir, factor, apiTimeoutHold, callbackUrlWechatpay, callbackUrlAlipay,
                dataDir);
    }

    public SandboxSettings withApiTimeoutHold(Duration hold) {
        return new SandboxSettings(port, keysDir, timeFactor, hold, callbackUrlWechatpay, callbackUrlAlipay, dataDir);
    }

    public SandboxSettings withPort(int newPort) {
        return new SandboxSettings(newPort, keysDir, timeFactor, apiTimeoutHold, callbackUrlWechatpay,
                callbackUrlAlipay, dataDir);
    }

    public SandboxSettings withCallbackUrls(String wechatpay, String alipay) {
        return new SandboxSettings(port, keysDir, timeFactor, apiTimeoutHold, wechatpay, alipay, dataDir);
    }

    /** Keeps the ledger's journal in {@code dir}: a sandbox started again on it carries on where it stopped. */
    public SandboxSettings withDataDir(Path dir) {
        return new SandboxSettings(port, keysDir, timeFactor, apiTimeoutHold, callbackUrlWechatpay, callbackUrlAlipay,
                dir);
    }
}
