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
 * callback, a race settled the right way, a lock wait retried) is one quiet line; a WARNING, a
 * SEVERE or a stack trace means something is wrong and must not be written for those.
 */
public final class ConsoleLog {

    private static final Pattern COLOUR = Pattern.compile("\u001B\\[[0-9;]*m");
    private static final Pattern ENTRY = Pattern.compile("^\\[\\d{4}-\\d\\d-\\d\\dT[^]]*] ");
    private static final Pattern LOUD = Pattern.compile("^\\[[^]]*] \\[[^]]*] \\[(WARNING|SEVERE)]");
    private static final Pattern STACK_FRAME = Pattern.compile("^\\s+at [\\w$.<>/]+\\(.*\\)\\s*$");

    /** What the server wrote for the expected outcomes when it was loud about them. */
    private static final List<String> EXPECTED_OUTCOMES = List.of("callback_inbox_event_key", "lock timeout");

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
            return new String(tail, StandardCharsets.UTF_8).lines()
                    .map(line -> COLOUR.matcher(line).replaceAll("")).toList();
        }
    }

    /** The entries written after the mark at WARNING or SEVERE or with a stack trace, each as one text. */
    public static List<String> loudSince(long mark) throws IOException {
        List<String> loud = new ArrayList<>();
        List<String> entry = new ArrayList<>();
        for (String line : since(mark)) {
            if (ENTRY.matcher(line).find()) {
                addIfLoud(entry, loud);
                entry = new ArrayList<>();
            }
            entry.add(line);
        }
        addIfLoud(entry, loud);
        return loud;
    }

    private static void addIfLoud(List<String> entry, List<String> loud) {
        if (entry.isEmpty()) return;
        boolean trace = entry.stream().anyMatch(line -> STACK_FRAME.matcher(line).matches());
        if (trace || LOUD.matcher(entry.get(0)).find()) loud.add(String.join("\n", entry));
    }

    /** No WARNING, SEVERE or stack trace since the mark; waits a moment for the server's last lines. */
    public static void assertQuietSince(long mark) throws Exception {
        Thread.sleep(500);
        assertEquals(List.of(), heads(loudSince(mark)), "the console log has warnings or stack traces for expected outcomes");
    }

    /**
     * Of the loud entries since the mark, none is about an expected outcome (the inbox key of an
     * event taken in twice, a lock timeout); for long runs where a channel may really fail to answer.
     */
    public static void assertNothingLoudAboutExpectedOutcomesSince(long mark) throws Exception {
        Thread.sleep(500);
        List<String> expected = loudSince(mark).stream()
                .filter(entry -> EXPECTED_OUTCOMES.stream().anyMatch(entry::contains)).toList();
        assertEquals(List.of(), heads(expected), "the console log has warnings or stack traces for expected outcomes");
    }

    /** The first line of each entry and its deepest cause, enough to find it in the log. */
    private static List<String> heads(List<String> entries) {
        return entries.stream().map(entry -> {
            List<String> lines = entry.lines().toList();
            String cause = lines.stream().filter(line -> line.startsWith("Caused by:")).reduce((a, b) -> b).orElse("");
            return lines.get(0) + (cause.isEmpty() ? "" : " ... " + cause);
        }).toList();
    }
}
