package io.exactpay.infrastructure;

/**
 * Text that someone outside ExactPay chose (a header, an id, a field of a body), made safe for one
 * log line: control characters, line and paragraph separators and backslashes are written as
 * escapes, so such text can never start a forged line or hide the rest of a real one; and it is cut
 * to a length a log line can carry.
 */
public final class LogText {

    static final int MAX_CHARS = 256;

    private LogText() {
    }

    public static String escaped(String text) {
        if (text == null) return "null";
        StringBuilder out = new StringBuilder(Math.min(text.length(), MAX_CHARS) + 16);
        for (int i = 0; i < text.length(); i++) {
            if (out.length() >= MAX_CHARS) {
                out.append("...(").append(text.length()).append(" chars)");
                break;
            }
            char c = text.charAt(i);
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029' || c == '\u0085') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
