package io.exactpay.sandbox;

import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;

import java.io.IOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * A stand-in for WeChat Pay v3 and Alipay on 127.0.0.1, for tests and demos only. Runs as its own
 * process ({@link #main}) or inside a test JVM ({@link #start}).
 *
 * <p>Jetty serves it because the WeChat Pay SDK reads {@code Wechatpay-*} response headers
 * case-sensitively, and Jetty writes header names exactly as given.
 */
public final class ChannelSandbox implements AutoCloseable {

    /** The file, in the keys folder, holding ExactPay's channel settings for this sandbox. */
    public static final String EXACTPAY_SETTINGS_FILE = "exactpay-channels.properties";

    private final Server server;
    private final SandboxKeys keys;
    private final String baseUrl;
    private final CallbackDispatcher dispatcher;
    private final SandboxEvents events;
    private final LedgerJournal journal;

    private ChannelSandbox(Server server, SandboxKeys keys, String baseUrl, CallbackDispatcher dispatcher,
                           SandboxEvents events, LedgerJournal journal) {
        this.server = server;
        this.keys = keys;
        this.baseUrl = baseUrl;
        this.dispatcher = dispatcher;
        this.events = events;
        this.journal = journal;
    }

    /**
     * Starts the sandbox. With a data directory the ledger is first rebuilt from its journal (the
     * port answers 503 until then), and then refunds still processing and callbacks still owed carry
     * on as if the sandbox had never stopped.
     */
    public static ChannelSandbox start(SandboxSettings settings) throws Exception {
        Clock clock = Clock.systemUTC();
        SandboxKeys keys = SandboxKeys.loadOrGenerate(settings.keysDir());
        LedgerJournal journal = settings.dataDir() == null ? LedgerJournal.IN_MEMORY
                : LedgerJournal.open(settings.dataDir());
        Server server = new Server();
        try {
            ServerConnector connector = new ServerConnector(server);
            connector.setHost("127.0.0.1");
            connector.setPort(settings.port());
            server.addConnector(connector);
            Router router = new Router();
            server.setHandler(router);
            server.start();
            String baseUrl = "http://127.0.0.1:" + connector.getLocalPort();

            SandboxLedger ledger = SandboxLedger.restore(journal);
            CallbackDispatcher dispatcher = new CallbackDispatcher(settings.timeFactor(), clock);
            WechatPaySigning wechatSigning = new WechatPaySigning(keys, clock);
            AlipaySigning alipaySigning = new AlipaySigning(keys);
            SandboxEvents events = new SandboxEvents(settings, ledger, dispatcher,
                    new WechatPayMessages(keys, wechatSigning), new AlipayMessages(keys, alipaySigning),
                    new Statements(keys, ledger), clock);
            router.alipay = new AlipayApi(keys, ledger, alipaySigning, events, clock, baseUrl);
            router.control = new ControlApi(ledger, events, dispatcher);
            router.wechatPay = new WechatPayApi(keys, ledger, wechatSigning, events, clock, baseUrl);

            ChannelSandbox sandbox = new ChannelSandbox(server, keys, baseUrl, dispatcher, events, journal);
            events.resume();
            sandbox.writeExactPaySettings();
            return sandbox;
        } catch (Exception | Error e) {
            server.stop();
            journal.close();
            throw e;
        }
    }

    private void writeExactPaySettings() throws IOException {
        Properties p = keys.exactPaySettings(baseUrl);
        try (Writer out = SandboxKeys.ownerOnlyWriter(keys.file(EXACTPAY_SETTINGS_FILE))) {
            p.store(out, "ExactPay channel settings for the sandbox at " + baseUrl);
        }
    }

    public String baseUrl() {
        return baseUrl;
    }

    public SandboxKeys keys() {
        return keys;
    }

    public java.util.List<DeliveryRecord> deliveries() {
        return dispatcher.deliveries();
    }

    /** ExactPay's {@code exactpay.channel.*} settings pointing at this sandbox. */
    public Properties exactPaySettings() {
        return keys.exactPaySettings(baseUrl);
    }

    /** Stops. Writes nothing: every change is in the journal already, so a kill loses nothing more. */
    @Override
    public void close() throws Exception {
        dispatcher.close();
        events.close();
        server.stop();
        journal.close();
    }

    /**
     * {@code java -cp channel-sandbox.jar:lib/* io.exactpay.sandbox.ChannelSandbox --port 8090 --keys-dir keys
     * [--data-dir DIR] [--time-factor 1] [--api-timeout-hold-ms 10000] [--callback-url-wechatpay URL]
     * [--callback-url-alipay URL]}
     */
    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                System.err.println("usage: ChannelSandbox --port N --keys-dir DIR [--data-dir DIR] [--time-factor F] "
                        + "[--api-timeout-hold-ms MS] [--callback-url-wechatpay URL] [--callback-url-alipay URL]");
                System.exit(2);
            }
            options.put(args[i].substring(2), args[++i]);
        }
        SandboxSettings settings = new SandboxSettings(
                Integer.parseInt(options.getOrDefault("port", "8090")),
                Path.of(options.getOrDefault("keys-dir", "sandbox-keys")),
                Double.parseDouble(options.getOrDefault("time-factor", "1")),
                Duration.ofMillis(Long.parseLong(options.getOrDefault("api-timeout-hold-ms", "10000"))),
                options.get("callback-url-wechatpay"), options.get("callback-url-alipay"),
                options.containsKey("data-dir") ? Path.of(options.get("data-dir")) : null);
        ChannelSandbox sandbox = start(settings);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                sandbox.close();
            } catch (Exception e) {
                System.err.println("sandbox stop: " + e);
            }
        }));
        System.out.println("channel sandbox listening on " + sandbox.baseUrl() + "; keys and "
                + EXACTPAY_SETTINGS_FILE + " in " + settings.keysDir().toAbsolutePath() + "; ledger "
                + (settings.dataDir() == null ? "in memory only"
                        : "journal in " + settings.dataDir().toAbsolutePath().resolve(LedgerJournal.FILE)));
        sandbox.server.join();
    }

    /** Hands each request to the API that owns its path, converting to and from Jetty's types. */
    private static final class Router extends Handler.Abstract {
        private static final int MAX_BODY = 1 << 20;

        private volatile WechatPayApi wechatPay;
        private volatile AlipayApi alipay;
        private volatile ControlApi control;

        @Override
        public boolean handle(Request request, Response response, Callback callback) throws Exception {
            String path = Request.getPathInContext(request);
            String body = Content.Source.asString(request, StandardCharsets.UTF_8);
            Map<String, String> headers = new LinkedHashMap<>();
            for (HttpField field : request.getHeaders()) {
                headers.put(field.getName(), field.getValue());
            }
            SandboxRequest req = new SandboxRequest(request.getMethod(), path, request.getHttpURI().getQuery(),
                    headers, body.length() > MAX_BODY ? "" : body);
            SandboxResponse res;
            try {
                if (wechatPay == null) {
                    res = SandboxResponse.json(503, "{\"status\":\"STARTING\"}");
                } else if (path.startsWith("/v3/") || path.equals("/sandbox/bills/wechatpay")) {
                    res = wechatPay.handle(req);
                } else if (path.equals("/gateway.do") || path.equals("/sandbox/bills/alipay")) {
                    res = alipay.handle(req);
                } else {
                    res = control.handle(req);
                }
            } catch (LedgerJournal.JournalUnavailable e) {
                // Nothing changed (the journal comes first); the caller may try again, as after any 5xx.
                res = SandboxResponse.json(503, "{\"code\":\"SYSTEM_ERROR\",\"message\":\"sandbox ledger unavailable\"}");
            }
            response.setStatus(res.status());
            if (res.contentType() != null) {
                response.getHeaders().put(HttpHeader.CONTENT_TYPE, res.contentType());
            }
            res.headers().forEach((name, value) -> response.getHeaders().put(name, value));
            response.write(true, ByteBuffer.wrap(res.body()), callback);
            return true;
        }
    }
}
