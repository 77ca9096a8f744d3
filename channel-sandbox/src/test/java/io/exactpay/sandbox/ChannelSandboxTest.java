package io.exactpay.sandbox;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChannelSandboxTest {

    /** The WeChat Pay SDK looks these up case-sensitively: read the raw bytes, not a parsed map. */
    @Test
    void wechatPayAnswersCarryExactlyCasedSignatureHeaders(@TempDir Path keys) throws Exception {
        try (ChannelSandbox sandbox = ChannelSandbox.start(SandboxSettings.defaults(keys));
             Socket socket = new Socket("127.0.0.1", Integer.parseInt(sandbox.baseUrl().replaceAll(".*:", "")))) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET /v3/pay/transactions/out-trade-no/x?mchid=1 HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            List<String> headerLines = new ArrayList<>();
            for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                headerLines.add(line);
            }
            assertTrue(headerLines.get(0).contains(" 401 "), headerLines.toString());
            for (String name : List.of("Wechatpay-Timestamp", "Wechatpay-Nonce", "Wechatpay-Serial",
                    "Wechatpay-Signature")) {
                assertTrue(headerLines.stream().anyMatch(l -> l.startsWith(name + ": ")), name + " in " + headerLines);
            }
            assertTrue(headerLines.stream().anyMatch(l -> l.startsWith("Content-Type: application/json")),
                    headerLines.toString());
        }
    }

    @Test
    void keysAndIdentitiesSurviveARestartAndStayDistinctPerRole(@TempDir Path keys) throws Exception {
        Properties first;
        try (ChannelSandbox sandbox = ChannelSandbox.start(SandboxSettings.defaults(keys))) {
            first = sandbox.exactPaySettings();
        }
        String appKey = Files.readString(keys.resolve(SandboxKeys.ALIPAY_APP_PUBLIC));
        try (ChannelSandbox sandbox = ChannelSandbox.start(SandboxSettings.defaults(keys))) {
            Properties second = sandbox.exactPaySettings();
            assertEquals(first.getProperty("exactpay.channel.wechatpay.mchid"),
                    second.getProperty("exactpay.channel.wechatpay.mchid"));
            assertEquals(first.getProperty("exactpay.channel.wechatpay.api-v3-key"),
                    second.getProperty("exactpay.channel.wechatpay.api-v3-key"));
            assertEquals(32, second.getProperty("exactpay.channel.wechatpay.api-v3-key").length());
            assertEquals(appKey, Files.readString(keys.resolve(SandboxKeys.ALIPAY_APP_PUBLIC)));
        }
        assertNotEquals(appKey, Files.readString(keys.resolve(SandboxKeys.ALIPAY_PLATFORM_PUBLIC)));
        assertNotEquals(Files.readString(keys.resolve(SandboxKeys.WECHATPAY_MERCHANT_PUBLIC)),
                Files.readString(keys.resolve(SandboxKeys.WECHATPAY_PLATFORM_PUBLIC)));
        assertTrue(Files.exists(keys.resolve(ChannelSandbox.EXACTPAY_SETTINGS_FILE)));
    }

    @Test
    @Timeout(60)
    void runsAsItsOwnProcessFromTheMainClass(@TempDir Path keys) throws Exception {
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), ChannelSandbox.class.getName(),
                "--port", "0", "--keys-dir", keys.toString(), "--time-factor", "0.01")
                .redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            Pattern listening = Pattern.compile("listening on (http://127\\.0\\.0\\.1:\\d+)");
            String baseUrl = null;
            String line;
            while (baseUrl == null && (line = out.readLine()) != null) {
                Matcher m = listening.matcher(line);
                if (m.find()) {
                    baseUrl = m.group(1);
                }
            }
            assertTrue(baseUrl != null, "the sandbox never said where it listens");
            HttpResponse<String> health = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(baseUrl + "/sandbox/health")).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, health.statusCode());
            assertTrue(health.body().contains("UP"));
        } finally {
            process.destroy();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
