package io.exactpay.legacy.contract;

import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;

import java.io.StringReader;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Reading and checking fields as the schemas state them. A command the kit builds is checked
 * here before it leaves, so ExactPay never has to dead-letter it as malformed.
 */
final class Fields {

    private static final Pattern CURRENCY = Pattern.compile("^[A-Z]{3}$");

    private Fields() {
    }

    static JsonObject parse(String text) {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        } catch (JsonParsingException | ClassCastException e) {
            throw new MalformedBodyException("not a JSON object: " + e.getMessage());
        }
    }

    static JsonObjectBuilder header(String type) {
        return Json.createObjectBuilder().add("type", type).add("schemaVersion", Command.SCHEMA_VERSION);
    }

    static String text(String field, String value, int maxLength) {
        Objects.requireNonNull(value, field);
        if (value.isEmpty() || value.length() > maxLength) {
            throw new IllegalArgumentException(field + " must be 1 to " + maxLength + " characters");
        }
        return value;
    }

    static String currency(String value) {
        if (value == null || !CURRENCY.matcher(value).matches()) {
            throw new IllegalArgumentException("currency must be an ISO 4217 code such as CNY, was " + value);
        }
        return value;
    }

    static long positive(String field, long value) {
        if (value < 1) throw new IllegalArgumentException(field + " must be at least 1 (minor units), was " + value);
        return value;
    }

    static String string(JsonObject json, String field) {
        JsonValue value = json.get(field);
        if (!(value instanceof JsonString s)) throw new MalformedBodyException(field + " missing or not a string");
        return s.getString();
    }

    static String optionalString(JsonObject json, String field) {
        return json.containsKey(field) && json.get(field) != JsonValue.NULL ? string(json, field) : null;
    }

    static long integer(JsonObject json, String field) {
        JsonValue value = json.get(field);
        if (!(value instanceof JsonNumber n) || !n.isIntegral()) {
            throw new MalformedBodyException(field + " missing or not a whole number");
        }
        try {
            return n.longValueExact();
        } catch (ArithmeticException e) {
            throw new MalformedBodyException(field + " out of range");
        }
    }

    static boolean bool(JsonObject json, String field) {
        JsonValue value = json.get(field);
        if (value == JsonValue.TRUE) return true;
        if (value == JsonValue.FALSE) return false;
        throw new MalformedBodyException(field + " missing or not true/false");
    }

    static UUID uuid(JsonObject json, String field) {
        String value = string(json, field);
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new MalformedBodyException(field + " is not a UUID: " + value);
        }
    }

    static UUID optionalUuid(JsonObject json, String field) {
        return optionalString(json, field) == null ? null : uuid(json, field);
    }

    static Instant instant(JsonObject json, String field) {
        String value = string(json, field);
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new MalformedBodyException(field + " is not an ISO-8601 instant: " + value);
        }
    }

    static <E extends Enum<E>> E constant(JsonObject json, String field, Class<E> type) {
        String value = string(json, field);
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw new MalformedBodyException(field + " has an unknown value " + value);
        }
    }

    /** The type and version every body starts with; a newer version is refused, not half read. */
    static String type(JsonObject json) {
        String type = string(json, "type");
        if (integer(json, "schemaVersion") != Command.SCHEMA_VERSION) {
            throw new MalformedBodyException(type + " has an unknown schemaVersion " + json.get("schemaVersion"));
        }
        return type;
    }
}
