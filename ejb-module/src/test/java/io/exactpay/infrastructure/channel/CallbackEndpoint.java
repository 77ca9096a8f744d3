package io.exactpay.infrastructure.channel;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.exactpay.application.channel.CallbackReply;
import io.exactpay.application.channel.CallbackVerdict;
import io.exactpay.application.channel.CallbackVerifier;
import io.exactpay.application.channel.InboundCallback;
import io.exactpay.application.channel.VerifiedMessage;
import io.exactpay.domain.model.payment.Channel;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * ExactPay's side of the callbacks in tests: an HTTP endpoint on 127.0.0.1 that runs the channel's
 * verifier on each request, answers with the verdict's reply, and keeps every verdict. It reads
 * at most one byte past the verifier's limit, as a real endpoint would.
 */
public final class CallbackEndpoint implements AutoCloseable {

    private final HttpServer server;
    private final List<CallbackVerdict> verdicts = new CopyOnWriteArrayList<>();
    private final AtomicInteger refuseNext = new AtomicInteger();

    public CallbackEndpoint(CallbackVerifier wechatPay, CallbackVerifier alipay) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/callbacks/wechatpay", exchange -> handle(exchange, wechatPay));
        server.createContext("/callbacks/alipay", exchange -> handle(exchange, alipay));
        server.start();
    }

    public String url(Channel channel) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/callbacks/"
                + (channel == Channel.WECHAT_PAY ? "wechatpay" : "alipay");
    }

    /** Answer the next {@code n} callbacks with HTTP 500, unread, as if ExactPay were down. */
    public void refuseNext(int n) {
        refuseNext.set(n);
    }

    private void handle(HttpExchange exchange, CallbackVerifier verifier) throws IOException {
        try (exchange) {
            if (refuseNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                exchange.sendResponseHeaders(500, -1);
                return;
            }
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readNBytes(1024 * 1024);
            }
            Map<String, String> headers = new HashMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, values.get(0)));
            CallbackVerdict verdict = verifier.verify(new InboundCallback(headers, body));
            verdicts.add(verdict);
            CallbackReply reply = verdict.reply();
            if (reply.contentType() != null) {
                exchange.getResponseHeaders().set("Content-Type", reply.contentType());
            }
            byte[] out = reply.body().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(reply.status(), out.length == 0 ? -1 : out.length);
            if (out.length > 0) {
                try (OutputStream os = exchange.getResponseBody()) {
                    os.write(out);
                }
            }
        }
    }

    public List<CallbackVerdict> verdicts() {
        return List.copyOf(verdicts);
    }

    public List<VerifiedMessage> accepted() {
        return verdicts.stream().filter(v -> v instanceof CallbackVerdict.Accepted)
                .map(v -> ((CallbackVerdict.Accepted) v).message()).toList();
    }

    /** Waits until some accepted message matches, or fails after the timeout. */
    public VerifiedMessage awaitAccepted(Predicate<VerifiedMessage> match, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            for (VerifiedMessage m : accepted()) {
                if (match.test(m)) {
                    return m;
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no accepted callback matched within " + timeout + "; verdicts: " + verdicts);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
