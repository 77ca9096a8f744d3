package io.exactpay.chaos;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The load balancer in front of the Payara instances that the channels' callbacks reach: each
 * callback goes to the next instance in turn, and to the other one when an instance refuses the
 * connection (it is down). A callback that reached an instance is never sent again by the proxy:
 * if the instance dies before answering, the channel sees a failure and retries on its own
 * schedule, as it would in production.
 */
final class CallbackProxy implements AutoCloseable {

    private static final Set<String> HOP_BY_HOP = Set.of("host", "content-length", "connection", "transfer-encoding",
            "upgrade", "expect", "keep-alive");

    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(16);
    private final List<URI> instances;
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicLong forwarded = new AtomicLong();
    private final AtomicLong failedOver = new AtomicLong();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    CallbackProxy(int port, List<URI> instances) throws IOException {
        this.instances = instances;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 64);
        server.createContext("/", this::forward);
        server.setExecutor(threads);
        server.start();
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private void forward(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            int first = Math.floorMod(next.getAndIncrement(), instances.size());
            for (int i = 0; i < instances.size(); i++) {
                URI target = instances.get((first + i) % instances.size()).resolve(exchange.getRequestURI().toString());
                HttpRequest.Builder request = HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(30))
                        .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
                exchange.getRequestHeaders().forEach((name, values) -> {
                    if (!HOP_BY_HOP.contains(name.toLowerCase())) values.forEach(v -> request.header(name, v));
                });
                HttpResponse<byte[]> response;
                try {
                    response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
                } catch (ConnectException | HttpConnectTimeoutException down) {
                    failedOver.incrementAndGet();
                    continue; // never reached the instance: the next one may take it
                } catch (IOException broken) {
                    answer(exchange, 502, new byte[0], null);
                    return;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    answer(exchange, 503, new byte[0], null);
                    return;
                }
                forwarded.incrementAndGet();
                answer(exchange, response.statusCode(), response.body(),
                        response.headers().firstValue("Content-Type").orElse(null));
                return;
            }
            answer(exchange, 503, new byte[0], null);
        }
    }

    private static void answer(HttpExchange exchange, int status, byte[] body, String contentType) throws IOException {
        if (contentType != null) exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    long forwarded() {
        return forwarded.get();
    }

    long failedOver() {
        return failedOver.get();
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
