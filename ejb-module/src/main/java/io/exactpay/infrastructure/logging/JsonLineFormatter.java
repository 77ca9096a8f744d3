package io.exactpay.infrastructure.logging;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.Map;
import java.util.logging.Formatter;
import java.util.logging.LogRecord;

/**
 * A log record as one line of JSON: {@code time}, {@code level}, {@code logger}, {@code message},
 * the fields of a business outcome ({@link OutcomeLog}) and the {@code error}'s stack trace, so
 * that a log tool (or {@code jq}) can select every line about one order, trade or message.
 */
public class JsonLineFormatter extends Formatter {

    @Override
    public String format(LogRecord record) {
        StringBuilder json = new StringBuilder(256).append('{');
        field(json, "time", Instant.ofEpochMilli(record.getMillis()).toString());
        field(json, "level", record.getLevel().getName());
        field(json, "logger", record.getLoggerName());
        Object[] parameters = record.getParameters();
        // An outcome's fields are its one parameter; any other record's parameters fill its message.
        Map<?, ?> fields = parameters != null && parameters.length == 1 && parameters[0] instanceof Map<?, ?> map
                ? map : null;
        field(json, "message", fields != null ? record.getMessage() : formatMessage(record));
        if (fields != null) fields.forEach((name, value) -> field(json, String.valueOf(name), value));
        if (record.getThrown() != null) {
            StringWriter trace = new StringWriter();
            record.getThrown().printStackTrace(new PrintWriter(trace));
            field(json, "error", trace.toString());
        }
        return json.append("}\n").toString();
    }

    private static void field(StringBuilder json, String name, Object value) {
        if (json.length() > 1) json.append(',');
        string(json, name);
        json.append(':');
        if (value instanceof Number || value instanceof Boolean) json.append(value);
        else string(json, String.valueOf(value));
    }

    private static void string(StringBuilder json, String text) {
        json.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20) json.append(String.format("\\u%04x", (int) c));
                    else json.append(c);
                }
            }
        }
        json.append('"');
    }
}
