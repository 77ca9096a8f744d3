package io.exactpay.it;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * A merchant's webhook receiver on 127.0.0.1, as a merchant would write one: it checks the
 * Standard Webhooks signature with the secrets it knows (400 when none matches) and then answers
 * by its script, per path and by the attempt number of each webhook-id: fail, time out, answer
 * slowly or succeed. Every request is kept.
 */
final class WebhookReceiver implements AutoCloseable {

    enum Answer { FAIL_500, FAIL_502, TIME_OUT, SLOW_OK, OK }

    record Received(String path, String id, String timestamp, String signature, String body, Instant at,
                    boolean verified, int attempt) {
    }

    private record Route(List<String> secrets, IntFunction<Answer> script) {
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final Map<String, Route> routes = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();

    private WebhookReceiver(HttpServer server) {
        this.server = server;
    }

    static WebhookReceiver start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        WebhookReceiver receiver = new WebhookReceiver(server);
        server.createContext("/", receiver::handle);
        server.setExecutor(receiver.threads);
        server.start();
        return receiver;
    }

    /** A path answering by {@code script} (attempt number, from 1) once a signature verifies with one of {@code secrets}. */
    String route(String path, List<String> secrets, IntFunction<Answer> script) {
        routes.put(path, new Route(List.copyOf(secrets), script));
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    List<Received> received(String path) {
        return received.stream().filter(r -> r.path().equals(path)).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String id = exchange.getRequestHeaders().getFirst("webhook-id");
            String timestamp = exchange.getRequestHeaders().getFirst("webhook-timestamp");
            String signature = exchange.getRequestHeaders().getFirst("webhook-signature");
            Route route = routes.get(path);
            if (route == null) {
                answer(exchange, 404, "no such hook");
                return;
            }
            boolean verified = route.secrets().stream().anyMatch(s -> verify(s, id, timestamp, body, signature));
            int attempt = attempts.computeIfAbsent(path + " " + id, k -> new AtomicInteger()).incrementAndGet();
            received.add(new Received(path, id, timestamp, signature, body, Instant.now(), verified, attempt));
            if (!verified) {
                answer(exchange, 400, "bad signature");
                return;
            }
            switch (route.script().apply(attempt)) {
                case FAIL_500 -> answer(exchange, 500, "database is down");
                case FAIL_502 -> answer(exchange, 502, "upstream hiccup");
                case TIME_OUT -> {
                    sleep(3_500);
                    answer(exchange, 200, "too late");
                }
                case SLOW_OK -> {
                    sleep(1_200);
                    answer(exchange, 200, "ok, slowly");
                }
                case OK -> answer(exchange, 200, "ok");
            }
        } catch (IOException e) {
            // The sender gave up (its read timeout): what a real receiver sees too.
        }
    }

    /**
     * The receiver's check, written from the Standard Webhooks spec: HMAC-SHA256 keyed by the
     * base64-decoded part after whsec_, over id.timestamp.body; any of the space-separated v1
     * signatures may match; compared in constant time.
     */
    static boolean verify(String secret, String id, String timestamp, String body, String header) {
        if (id == null || timestamp == null || header == null) return false;
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
            byte[] expected = mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            for (String part : header.split(" ")) {
                if (!part.startsWith("v1,")) continue;
                byte[] given = Base64.getDecoder().decode(part.substring(3));
                if (MessageDigest.isEqual(expected, given)) return true;
            }
            return false;
        } catch (Exception e) {
            return false;
        }
    }

    private static void answer(HttpExchange exchange, int status, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
