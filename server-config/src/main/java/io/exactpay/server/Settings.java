package io.exactpay.server;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The launcher's configuration: every address, port, credential and limit, each with a default
 * for the embedded run. A value comes from, in order: an explicit override (tests), a system
 * property {@code exactpay.<key>}, the environment variable that MicroProfile Config maps to the
 * same name ({@code EXACTPAY_DB_PORT} for {@code db.port}), the default.
 */
public final class Settings {

    private static final Map<String, String> DEFAULTS = new LinkedHashMap<>();

    static {
        DEFAULTS.put("data-dir", "var");
        DEFAULTS.put("http.host", "127.0.0.1");
        DEFAULTS.put("http.port", "8080");
        // The largest request body the API and the callbacks read.
        DEFAULTS.put("http.max-body-bytes", "65536");
        // Payara Micro's instance name: part of every XA transaction id it writes, so it must stay
        // the same across restarts (recovery finds its own in-doubt branches by it) and differ
        // between instances that share a database and broker.
        DEFAULTS.put("instance-name", "exactpay");
        // Where channels send callbacks; empty: this server's own HTTP address.
        DEFAULTS.put("callback-base-url", "");

        DEFAULTS.put("db.embedded", "true");
        DEFAULTS.put("db.host", "127.0.0.1");
        DEFAULTS.put("db.port", "15432");
        DEFAULTS.put("db.name", "exactpay");
        DEFAULTS.put("db.user", "exactpay");
        DEFAULTS.put("db.password", "exactpay");
        DEFAULTS.put("db.max-pool-size", "32");
        DEFAULTS.put("db.max-prepared-transactions", "64");

        DEFAULTS.put("broker.embedded", "true");
        DEFAULTS.put("broker.host", "127.0.0.1");
        DEFAULTS.put("broker.port", "61616");
        DEFAULTS.put("broker.user", "exactpay");
        DEFAULTS.put("broker.password", "exactpay");
        DEFAULTS.put("broker.max-pool-size", "32");
        // How long the journal gathers commits before one write and sync (ns). Every commit still waits
        // for its sync; Artemis's NIO default (3,333,333 ns) makes a lone commit wait 3 ms for company.
        DEFAULTS.put("broker.journal-buffer-timeout-ns", "100000");
        // Legacy systems, each its own broker user (the embedded broker's users; see LegacySystem).
        // A system named here needs broker.legacy.<name>.password; the defaults are for development.
        DEFAULTS.put("broker.legacy-systems", "erp,pos");
        DEFAULTS.put("broker.legacy.erp.password", "erp");
        DEFAULTS.put("broker.legacy.pos.password", "pos");

        DEFAULTS.put("sandbox.enabled", "true");
        DEFAULTS.put("sandbox.port", "8090");
        DEFAULTS.put("sandbox.time-factor", "1");

        DEFAULTS.put("jms.max-delivery-attempts", "5");
        DEFAULTS.put("jms.redelivery-delay-ms", "1000");
        // Work whose last attempt met a passing database condition is delivered again this much later.
        DEFAULTS.put("jms.later-delivery-ms", "30000");
        DEFAULTS.put("jms.max-redelivery-delay-ms", "60000");
        DEFAULTS.put("db.lock-timeout-ms", "5000");
        DEFAULTS.put("tx.timeout-seconds", "60");
        // How often each instance looks for a branch prepared too long, and how long is too long.
        DEFAULTS.put("tx.incomplete-check", "PT15S");
        DEFAULTS.put("tx.incomplete-after", "PT30S");
        // A branch of this instance that its transaction manager forgot is rolled back after this.
        DEFAULTS.put("tx.orphan-after", "PT90S");

        DEFAULTS.put("order.time-to-pay", "PT30M");
        // The largest order, in fen (50,000.00 CNY).
        DEFAULTS.put("order.max-amount", "5000000");
        DEFAULTS.put("janitor.interval", "PT30S");
        DEFAULTS.put("janitor.stale-after", "PT2M");

        // Bearer tokens of the portal API. No key location: a development key pair under the data
        // directory, made on the first start, whose tokens the launcher prints.
        DEFAULTS.put("jwt.issuer", "exactpay-dev");
        DEFAULTS.put("jwt.public-key-location", "");
        // Every token must name this API as its audience (so a token an identity provider issued
        // for another service is refused) and is refused once this long past its issue time,
        // whatever its expiry says.
        DEFAULTS.put("jwt.audience", "exactpay-api");
        DEFAULTS.put("jwt.max-token-age", "PT1H");
        DEFAULTS.put("idempotency.retention", "PT24H");
        // Replay guards (callback nonces, settled inbox rows, processed command ids) outlive every
        // channel's callback retries: WeChat Pay's about 24 hours, Alipay's about 25.
        DEFAULTS.put("retention.period", "P7D");
        DEFAULTS.put("retention.interval", "PT1H");
        // The application's JSON log; empty: <data-dir>/logs/<instance-name>.jsonl.
        DEFAULTS.put("log.json-file", "");

        // Merchant webhooks: retried with doubling waits from first-retry up to max-retry-delay,
        // for retry-for in all, then DEAD; a rotated secret keeps signing for rotation-overlap.
        DEFAULTS.put("webhooks.poll-interval", "PT1S");
        DEFAULTS.put("webhooks.first-retry", "PT5S");
        DEFAULTS.put("webhooks.max-retry-delay", "PT6H");
        DEFAULTS.put("webhooks.retry-for", "PT72H");
        DEFAULTS.put("webhooks.connect-timeout", "PT5S");
        DEFAULTS.put("webhooks.read-timeout", "PT10S");
        DEFAULTS.put("webhooks.rotation-overlap", "PT24H");
    }

    private final Map<String, String> values;

    private Settings(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    public static Settings load() {
        return load(Map.of());
    }

    public static Settings load(Map<String, String> overrides) {
        Map<String, String> values = new LinkedHashMap<>();
        for (Map.Entry<String, String> entry : DEFAULTS.entrySet()) {
            String value = lookUp(entry.getKey(), overrides);
            values.put(entry.getKey(), value != null ? value : entry.getValue());
        }
        // Systems beyond the defaults bring their own password key; a missing one is reported by legacySystems().
        for (String name : names(values.get("broker.legacy-systems"))) {
            String key = LegacySystem.passwordKey(name);
            String value = lookUp(key, overrides);
            if (value != null) values.put(key, value);
        }
        return new Settings(values);
    }

    private static String lookUp(String key, Map<String, String> overrides) {
        String value = overrides.get(key);
        if (value == null) value = System.getProperty("exactpay." + key);
        if (value == null) value = System.getenv(environmentName(key));
        return value;
    }

    private static List<String> names(String list) {
        return Arrays.stream(list.split(",")).map(String::trim).filter(name -> !name.isEmpty()).toList();
    }

    /** MicroProfile Config's mapping: non-alphanumerics become '_', upper case. */
    static String environmentName(String key) {
        return ("exactpay." + key).replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }

    public String get(String key) {
        String value = values.get(key);
        if (value == null) throw new IllegalArgumentException("Unknown setting " + key);
        return value;
    }

    public int getInt(String key) {
        return Integer.parseInt(get(key));
    }

    public boolean getBoolean(String key) {
        return Boolean.parseBoolean(get(key));
    }

    /**
     * The legacy systems named in {@code broker.legacy-systems}, each with its password; none may
     * share a name with ExactPay's own broker user or with another system.
     */
    public List<LegacySystem> legacySystems() {
        List<LegacySystem> systems = new ArrayList<>();
        Set<String> seen = new HashSet<>(Set.of(get("broker.user")));
        for (String name : names(get("broker.legacy-systems"))) {
            if (!seen.add(name)) {
                throw new IllegalArgumentException("Legacy system " + name + " is named twice or is the broker user");
            }
            String password = values.get(LegacySystem.passwordKey(name));
            if (password == null || password.isEmpty()) {
                throw new IllegalArgumentException("Legacy system " + name + " needs a password: set exactpay."
                        + LegacySystem.passwordKey(name) + " or " + environmentName(LegacySystem.passwordKey(name)));
            }
            systems.add(new LegacySystem(name, password));
        }
        return systems;
    }

    public Path dataDir() {
        return Path.of(get("data-dir")).toAbsolutePath();
    }

    /** All settings, for filling templates; derived values are added by the caller. */
    public Map<String, String> asMap() {
        return values;
    }

    /**
     * The system properties that the application reads through MicroProfile Config; the same
     * names as here, so one setting drives the broker, the server resources and the code.
     */
    public Map<String, String> applicationProperties() {
        Map<String, String> props = new LinkedHashMap<>();
        for (String key : new String[] {"jms.max-delivery-attempts", "jms.later-delivery-ms", "db.lock-timeout-ms", "idempotency.retention",
                "order.time-to-pay", "order.max-amount", "http.max-body-bytes", "janitor.interval", "janitor.stale-after",
                "retention.period", "retention.interval", "webhooks.poll-interval", "webhooks.first-retry",
                "webhooks.max-retry-delay", "webhooks.retry-for", "webhooks.connect-timeout", "webhooks.read-timeout",
                "webhooks.rotation-overlap", "tx.incomplete-check", "tx.incomplete-after",
                "tx.orphan-after"}) {
            props.put("exactpay." + key, get(key));
        }
        props.put("exactpay.log.json-file", jsonLogFile().toString());
        props.put("mp.jwt.verify.issuer", get("jwt.issuer"));
        props.put("mp.jwt.verify.publickey.location", jwtPublicKeyLocation());
        props.put("mp.jwt.verify.audiences", get("jwt.audience"));
        props.put("mp.jwt.verify.token.age", Long.toString(maxTokenAge().toSeconds()));
        String callbacks = get("callback-base-url");
        props.put("exactpay.callback-base-url", callbacks.isEmpty()
                ? "http://" + get("http.host") + ":" + get("http.port") : callbacks);
        return props;
    }

    /** The application's JSON log, one per instance. */
    public Path jsonLogFile() {
        String file = get("log.json-file");
        return file.isEmpty() ? dataDir().resolve("logs").resolve(get("instance-name") + ".jsonl")
                : Path.of(file).toAbsolutePath();
    }

    /** True when no identity provider's key is configured: the launcher makes and uses its own. */
    public boolean developmentTokens() {
        return get("jwt.public-key-location").isEmpty();
    }

    /** How long after its issue time ({@code iat}) a bearer token is still accepted. */
    public Duration maxTokenAge() {
        Duration age = Duration.parse(get("jwt.max-token-age"));
        if (age.isNegative() || age.isZero()) throw new IllegalArgumentException("jwt.max-token-age must be positive");
        return age;
    }

    /** Where the server reads the key that verifies bearer tokens: a path or URL MicroProfile JWT accepts. */
    public String jwtPublicKeyLocation() {
        return developmentTokens() ? DevelopmentTokens.publicKeyFile(dataDir()).toUri().toString()
                : get("jwt.public-key-location");
    }

    /** Deliveries lost with their consumer that the broker's limit leaves room for. */
    static final int CRASHES_BEFORE_THE_BROKER_DECIDES = 3;

    public int brokerMaxDeliveryAttempts() {
        // The consumers dead-letter on their last attempt with a reason; the broker's own limit is a
        // safety net above it, so a message is never redelivered forever. The broker also counts a
        // delivery whose consumer died with it (a killed server, a cut connection) as an attempt:
        // one limit further, a crash during the last attempt made the broker dead-letter the
        // message itself, without a reason (the chaos run found a refund's submission so). The
        // margin leaves room for a few such crashes, so the consumer still decides.
        return getInt("jms.max-delivery-attempts") + CRASHES_BEFORE_THE_BROKER_DECIDES;
    }

    @Override
    public String toString() {
        Map<String, String> shown = new LinkedHashMap<>(values);
        shown.replaceAll((k, v) -> k.endsWith("password") ? "****" : v);
        return Objects.toString(shown);
    }
}
