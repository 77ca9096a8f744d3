package io.exactpay.infrastructure.logging;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JsonLineFormatterTest {

    private final JsonLineFormatter formatter = new JsonLineFormatter();

    @Test
    void outcomeFieldsBecomeJsonFields_oneLine() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("outcome", "CAPTURE_DUPLICATE");
        fields.put("orderId", "5b0f7c1e-0000-4000-8000-000000000001");
        fields.put("outTradeNo", "W123");
        fields.put("amount", 2500L);
        LogRecord record = new LogRecord(Level.INFO, "CAPTURE_DUPLICATE orderId=5b0f... outTradeNo=W123");
        record.setLoggerName("io.exactpay.outcome");
        record.setParameters(new Object[] {fields});

        String line = formatter.format(record);

        assertTrue(line.endsWith("}\n") && line.indexOf('\n') == line.length() - 1, line);
        JsonObject json = JsonParser.parseString(line).getAsJsonObject();
        assertEquals("INFO", json.get("level").getAsString());
        assertEquals("io.exactpay.outcome", json.get("logger").getAsString());
        assertEquals("CAPTURE_DUPLICATE", json.get("outcome").getAsString());
        assertEquals("W123", json.get("outTradeNo").getAsString());
        assertEquals(2500, json.get("amount").getAsLong());
        assertTrue(json.get("time").getAsString().endsWith("Z"));
    }

    @Test
    void quotesNewlinesAndStackTracesStayInsideTheirField() {
        LogRecord record = new LogRecord(Level.WARNING, "callback \"rejected\"\n\tsecond line {0}");
        record.setLoggerName("io.exactpay.x");
        record.setParameters(new Object[] {"\\path"});
        record.setThrown(new IllegalStateException("boom"));

        String line = formatter.format(record);

        assertEquals(1, line.split("\n", -1).length - 1, "one line: " + line);
        JsonObject json = JsonParser.parseString(line).getAsJsonObject();
        assertEquals("callback \"rejected\"\n\tsecond line \\path", json.get("message").getAsString());
        assertTrue(json.get("error").getAsString().startsWith("java.lang.IllegalStateException: boom"));
    }
}
