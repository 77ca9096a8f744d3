package io.exactpay.interfaces.rest;

import io.exactpay.interfaces.rest.problem.Problem;
import io.exactpay.interfaces.rest.problem.ProblemException;
import jakarta.json.Json;
import jakarta.json.JsonConfig;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParserFactory;
import jakarta.ws.rs.core.Response;

import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A request body read strictly. JSON-B's default binding is lenient where a payment API must not
 * be: it reads {@code "100"} as a number, cuts {@code 1.5} to 1, takes a number for a string, lets
 * the last of two same-named fields win and takes the first element of an array for the object.
 * Here the body is exactly one JSON object, with no field named twice and nothing after it, whose
 * texts are strings and whose numbers are numbers; anything else is 400 validation, and nothing is
 * converted.
 */
public final class StrictJsonBody {

    // Factories made once: Json.createParser looks the JSON-P provider up again on every call.
    private static final JsonReaderFactory READERS =
            Json.createReaderFactory(Map.of(JsonConfig.KEY_STRATEGY, JsonConfig.KeyStrategy.NONE));
    private static final JsonParserFactory PARSERS = Json.createParserFactory(Map.of());

    private final JsonObject json;

    private StrictJsonBody(JsonObject json) {
        this.json = json;
    }

    /** The body, which must be there. */
    public static StrictJsonBody of(byte[] body) {
        return optional(body).orElseThrow(() -> invalid("A JSON body is required"));
    }

    /** The body, or empty when the request has none (an endpoint whose body is optional). */
    public static Optional<StrictJsonBody> optional(byte[] body) {
        if (body == null || body.length == 0) return Optional.empty();
        String text = new String(body, StandardCharsets.UTF_8);
        try (JsonReader reader = READERS.createReader(new StringReader(text));
             JsonParser parser = PARSERS.createParser(new StringReader(text))) {
            JsonObject json = reader.readObject();
            if (parser.next() == JsonParser.Event.START_OBJECT) parser.skipObject();
            if (parser.hasNext()) throw invalid("The request body is one JSON object with nothing after it");
            return Optional.of(new StrictJsonBody(json));
        } catch (ProblemException e) {
            throw e;
        } catch (RuntimeException e) {
            // JsonException, and the plain RuntimeException of JSON nested past the parser's depth limit.
            throw invalid("The request body is not one JSON object");
        }
    }

    /** A string field, or null when absent or null. */
    public String string(String name) {
        JsonValue value = json.get(name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) return null;
        if (value instanceof JsonString s) return s.getString();
        throw invalid(name + " must be a string");
    }

    /** A number field, or null when absent or null. */
    public BigDecimal number(String name) {
        JsonValue value = json.get(name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) return null;
        if (value instanceof JsonNumber n) return n.bigDecimalValue();
        throw invalid(name + " must be a number");
    }

    /** An array of strings, or null when absent or null. */
    public List<String> strings(String name) {
        JsonValue value = json.get(name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) return null;
        if (value.getValueType() != JsonValue.ValueType.ARRAY) throw invalid(name + " must be an array of strings");
        List<String> strings = new ArrayList<>();
        for (JsonValue element : value.asJsonArray()) {
            if (!(element instanceof JsonString s)) throw invalid(name + " must be an array of strings");
            strings.add(s.getString());
        }
        return strings;
    }

    public static ProblemException invalid(String detail) {
        return new ProblemException(Problem.of("validation", "Invalid request", Response.Status.BAD_REQUEST, detail));
    }
}
