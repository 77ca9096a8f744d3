package io.exactpay.messaging.contract;

import io.exactpay.domain.model.order.CancelReason;
import jakarta.json.Json;
import jakarta.json.JsonConfig;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParserFactory;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.io.StringReader;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.UUID;

/**
 * A command on the {@code exactpay.order.commands} queue: a JSON text message with {@code type},
 * {@code schemaVersion} and the sender's {@code messageId}. Schemas: {@code schemas/*.schema.json}
 * in this module. Who sent it is never read from the body: it is the broker-authenticated user
 * (see {@link CommandSender}).
 */
public sealed interface OrderCommand {

    String QUEUE = "exactpay.order.commands";
    /**
     * A field named twice is refused, not read as its last value: a sender's check of the first
     * and our reading of the last must never disagree about what a command says.
     */
    JsonReaderFactory READERS = Json.createReaderFactory(Map.of(JsonConfig.KEY_STRATEGY, JsonConfig.KeyStrategy.NONE));
    /** Made once: Json.createParser looks the JSON-P provider up again on every call. */
    JsonParserFactory PARSERS = Json.createParserFactory(Map.of());
    int MAX_BODY_CHARS = 16 * 1024;

    String messageId();

    /** Attach a remark to an order (schemas/add-order-remark.schema.json). */
    record AddOrderRemark(String messageId, UUID orderId, String author, String text) implements OrderCommand {
        public static final String TYPE = "AddOrderRemark";
    }

    /** Place an order for the sender (schemas/create-order.schema.json); amount in minor units. */
    record CreateOrder(String messageId, String merchantOrderNo, long amountMinor, String currency, String subject)
            implements OrderCommand {
        public static final String TYPE = "CreateOrder";
    }

    /**
     * Cancel one of the sender's orders (schemas/cancel-order.schema.json): PAYER_REQUEST closes an
     * unpaid order; MERCHANT_REQUEST also refunds a paid one in full.
     */
    record CancelOrder(String messageId, UUID orderId, CancelReason reason) implements OrderCommand {
        public static final String TYPE = "CancelOrder";
    }

    /** Read one of the sender's orders (schemas/query-order.schema.json). */
    record QueryOrder(String messageId, UUID orderId) implements OrderCommand {
        public static final String TYPE = "QueryOrder";
    }

    static OrderCommand parse(String body) throws MalformedMessageException {
        if (body == null) throw new MalformedMessageException("message has no text body");
        if (body.length() > MAX_BODY_CHARS) {
            throw new MalformedMessageException("body longer than " + MAX_BODY_CHARS + " characters");
        }
        JsonObject json;
        try (JsonReader reader = READERS.createReader(new StringReader(body));
             JsonParser parser = PARSERS.createParser(new StringReader(body))) {
            json = reader.readObject();
            // Nothing may follow the object ("{...} {...}" is not one command); the reader does not look.
            if (parser.next() == JsonParser.Event.START_OBJECT) parser.skipObject();
            if (parser.hasNext()) throw new MalformedMessageException("body is not a JSON object: text after it");
        } catch (JsonException | IllegalStateException | NoSuchElementException e) {
            throw new MalformedMessageException("body is not a JSON object: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            // The JSON-P implementation refuses nesting past its depth limit with a plain RuntimeException.
            throw new MalformedMessageException("body is not a JSON object: " + e.getMessage(), e);
        }
        String type = text(json, "type", 64);
        int schemaVersion = integer(json, "schemaVersion");
        if (schemaVersion != 1) {
            throw new MalformedMessageException("unsupported schemaVersion " + schemaVersion + " for " + type);
        }
        return switch (type) {
            case AddOrderRemark.TYPE -> {
                onlyFields(json, Set.of("type", "schemaVersion", "messageId", "orderId", "author", "text"));
                yield new AddOrderRemark(text(json, "messageId", 64), uuid(json, "orderId"),
                        text(json, "author", 64), lines(json, "text", 500));
            }
            case CreateOrder.TYPE -> {
                // clientId is accepted and ignored: older senders put theirs here; the broker's user decides.
                onlyFields(json, Set.of("type", "schemaVersion", "messageId", "merchantOrderNo", "amount", "currency",
                        "subject", "clientId"));
                yield new CreateOrder(text(json, "messageId", 64), text(json, "merchantOrderNo", 64),
                        amount(json, "amount"), currency(json, "currency"), text(json, "subject", 128));
            }
            case CancelOrder.TYPE -> {
                onlyFields(json, Set.of("type", "schemaVersion", "messageId", "orderId", "reason"));
                String reason = text(json, "reason", 32);
                if (!reason.equals("PAYER_REQUEST") && !reason.equals("MERCHANT_REQUEST")) {
                    throw new MalformedMessageException("reason must be PAYER_REQUEST or MERCHANT_REQUEST");
                }
                yield new CancelOrder(text(json, "messageId", 64), uuid(json, "orderId"), CancelReason.valueOf(reason));
            }
            case QueryOrder.TYPE -> {
                onlyFields(json, Set.of("type", "schemaVersion", "messageId", "orderId"));
                yield new QueryOrder(text(json, "messageId", 64), uuid(json, "orderId"));
            }
            default -> throw new MalformedMessageException("unknown command type " + type);
        };
    }

    private static void onlyFields(JsonObject json, Set<String> allowed) throws MalformedMessageException {
        for (String key : json.keySet()) {
            if (!allowed.contains(key)) throw new MalformedMessageException("unknown field " + key);
        }
    }

    /** A one-line text: no control characters (a NUL cannot be stored, a line break would forge log lines). */
    private static String text(JsonObject json, String field, int maxLength) throws MalformedMessageException {
        String value = lines(json, field, maxLength);
        if (value.chars().anyMatch(Character::isISOControl)) {
            throw new MalformedMessageException(field + " must not contain control characters");
        }
        return value;
    }

    /** A text that may have several lines (tabs and line breaks), but no other control character. */
    private static String lines(JsonObject json, String field, int maxLength) throws MalformedMessageException {
        JsonValue value = json.get(field);
        if (!(value instanceof JsonString s) || s.getString().isBlank()) {
            throw new MalformedMessageException(field + " must be a non-empty string");
        }
        if (s.getString().length() > maxLength) {
            throw new MalformedMessageException(field + " is longer than " + maxLength + " characters");
        }
        if (s.getString().chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
            throw new MalformedMessageException(field + " must not contain control characters");
        }
        return s.getString();
    }

    /** A whole number in int range: 4294967297 is not read as 1, and 1e1000000000 is refused at once. */
    private static int integer(JsonObject json, String field) throws MalformedMessageException {
        if (!(json.get(field) instanceof JsonNumber n) || !n.isIntegral()) {
            throw new MalformedMessageException(field + " must be an integer");
        }
        try {
            return n.intValueExact();
        } catch (ArithmeticException e) {
            throw new MalformedMessageException(field + " must be an integer in range");
        }
    }

    /** A positive whole number of minor units; 12.5 is refused, never cut to 12. */
    private static long amount(JsonObject json, String field) throws MalformedMessageException {
        if (!(json.get(field) instanceof JsonNumber n)) {
            throw new MalformedMessageException(field + " must be a positive integer of minor units");
        }
        long value;
        try {
            value = n.bigDecimalValue().longValueExact();
        } catch (ArithmeticException e) {
            throw new MalformedMessageException(field + " must be a positive integer of minor units, was " + n);
        }
        if (value < 1) throw new MalformedMessageException(field + " must be a positive integer of minor units");
        return value;
    }

    private static String currency(JsonObject json, String field) throws MalformedMessageException {
        String value = text(json, field, 3);
        if (!value.matches("[A-Z]{3}")) throw new MalformedMessageException(field + " must be an ISO 4217 code");
        return value;
    }

    private static UUID uuid(JsonObject json, String field) throws MalformedMessageException {
        String value = text(json, field, 36);
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new MalformedMessageException(field + " is not a UUID: " + value);
        }
    }
}
