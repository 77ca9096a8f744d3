package io.exactpay.infrastructure.channel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;

/** Reads {@code exactpay.channel.*} settings, naming the missing key when one is absent. */
public final class ChannelProperties {

    private final Properties properties;
    private final String prefix;

    public ChannelProperties(Properties properties, String prefix) {
        this.properties = properties;
        this.prefix = prefix;
    }

    public String required(String key) {
        String value = properties.getProperty(prefix + key);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("missing setting " + prefix + key);
        }
        return value.trim();
    }

    public String optional(String key, String fallback) {
        String value = properties.getProperty(prefix + key);
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    public Duration millis(String key, long fallbackMillis) {
        return Duration.ofMillis(Long.parseLong(optional(key, Long.toString(fallbackMillis))));
    }

    public int integer(String key, int fallback) {
        return Integer.parseInt(optional(key, Integer.toString(fallback)));
    }

    public Path path(String key) {
        return Path.of(required(key));
    }

    /** The base64 body of a PEM key file: the form the Alipay SDK takes keys in. */
    public static String pemBody(Path file) {
        try {
            return Files.readString(file).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read key file " + file, e);
        }
    }
}
