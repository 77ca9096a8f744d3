package io.exactpay.it;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Payara's console log, as an operator reads it: an expected business outcome (a repeated
 * callback, a race settled the right way) is one quiet line; a WARNING, a SEVERE or a stack trace
 * means something is wrong and must not be written for those.
 */
public final class ConsoleLog {

    private static final Pattern COLOUR = Pattern.compile("\u001B\\[[0-9;]*m");
    private static final Pattern LOUD = Pattern.compile("\\[(WARNING|SEVERE)]|^(WARNING|SEVERE):");
    private static final Pattern STACK_FRAME = Pattern.compile("^\\s+at [\\w$.<>/]+\\(.*\\)\\s*$");

    private ConsoleLog() {
    }

    private static Path file() {
        return Path.of(System.getProperty("exactpay.it.work-dir")).resolve("payara-console.log");
    }

    /** Where the log ends now; {@link #since} reads what was written after it. */
    public static long mark() throws IOException {
        Path file = file();
        return Files.exists(file) ? Files.size(file) : 0;
    }

    public static List<String> since(long mark) throws IOException {
        Path file = file();
        if (!Files.exists(file)) return List.of();
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            long length = in.length();
            byte[] tail = new byte[(int) Math.max(0, length - mark)];
            in.seek(Math.min(mark, length));
            in.readFully(tail);
            return new String(tail, StandardCharsets.UTF_8).lines().toList();
        }
    }

    /** The WARNING and SEVERE entries and the first frame of each stack trace written after the mark. */
    public static List<String> loudSince(long mark) throws IOException {
        List<String> loud = new ArrayList<>();
        boolean inTrace = false;
        for (String line : since(mark)) {
            line = COLOUR.matcher(line).replaceAll("");
            boolean frame = STACK_FRAME.matcher(line).matches();
            if (LOUD.matcher(line).find() || (frame && !inTrace)) loud.add(line.strip());
            inTrace = frame;
        }
        return loud;
    }

    /** No WARNING, SEVERE or stack trace since the mark; waits a moment for the server's last lines. */
    public static void assertQuietSince(long mark) throws Exception {
        Thread.sleep(500);
        List<String> loud = loudSince(mark);
        assertEquals(List.of(), loud, "the console log has warnings or stack traces for expected outcomes");
    }
}
