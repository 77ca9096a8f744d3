package io.exactpay.sandbox;

import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The merchant's callback endpoint, on 127.0.0.1: acknowledges callbacks both channels' way (HTTP 200,
 * body {@code success}), except on paths told to refuse, which answer 500 until told otherwise.
 */
final class CallbackReceiver implements AutoCloseable {

    /** One callback that arrived: where, its event id (WeChat Pay {@code id}, Alipay {@code notify_id}), and whether it was acknowledged. */
    record Received(String path, String eventId, boolean acknowledged) {
    }

    private final HttpServer server;
    private final Set<String> refusing = ConcurrentHashMap.newKeySet();
    private final List<Received> received = new CopyOnWriteArrayList<>();

    CallbackReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            boolean ack = !refusing.contains(path);
            received.add(new Received(path, eventId(body), ack));
            byte[] answer = (ack ? "success" : "refused").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(ack ? 200 : 500, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
    }

    private static String eventId(String body) {
        if (body.startsWith("{")) {
            return JsonParser.parseString(body).getAsJsonObject().get("id").getAsString();
        }
        for (String pair : body.split("&")) {
            if (pair.startsWith("notify_id=")) {
                return URLDecoder.decode(pair.substring("notify_id=".length()), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    void refuse(String path) {
        refusing.add(path);
    }

    void accept(String path) {
        refusing.remove(path);
    }

    List<Received> received(String path) {
        return received.stream().filter(r -> r.path().equals(path)).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
