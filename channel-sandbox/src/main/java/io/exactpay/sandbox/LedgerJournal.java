package io.exactpay.sandbox;

import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The ledger's write-ahead journal: one JSON line per change, appended and forced to disk before
 * the change is applied, so nothing the sandbox has said or done is lost when it is killed. Read
 * back once, at start, to rebuild the ledger.
 *
 * <p>Appends are serialized; forcing is shared: a thread whose line an earlier force already
 * covered does not force again, so many concurrent changes cost few disk flushes. After a failed
 * write or force the journal refuses every later append (the file may end in half a line, and a
 * change that cannot be recorded must not happen).
 */
final class LedgerJournal implements AutoCloseable {

    /** The file in the data directory. */
    static final String FILE = "ledger.jsonl";

    /** No data directory: the ledger lives in memory only and is lost with the process. */
    static final LedgerJournal IN_MEMORY = new LedgerJournal(null, null, List.of());

    private final FileChannel channel;
    private final FileLock lock;
    private final List<LedgerRecord> records;
    private final Object writeLock = new Object();
    private final Object forceLock = new Object();
    private long written;
    private long forced;
    private IOException broken;

    private LedgerJournal(FileChannel channel, FileLock lock, List<LedgerRecord> records) {
        this.channel = channel;
        this.lock = lock;
        this.records = records;
    }

    /**
     * Opens (or creates) the journal in {@code dataDir}, reads what it holds, and cuts off a last line
     * that a kill left half written. Refuses a directory another live sandbox is using.
     */
    static LedgerJournal open(Path dataDir) throws IOException {
        Files.createDirectories(dataDir);
        Path file = dataDir.resolve(FILE);
        boolean created = !Files.exists(file);
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        try {
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException sameProcess) {
                lock = null;
            }
            if (lock == null) {
                throw new IOException("another channel sandbox is using " + dataDir);
            }
            byte[] content = Files.readAllBytes(file);
            int end = lastLineEnd(content);
            List<LedgerRecord> records = parse(new String(content, 0, end, StandardCharsets.UTF_8), file);
            if (end < content.length) {
                channel.truncate(end);
                channel.force(true);
            }
            channel.position(end);
            if (created) {
                forceDirectory(dataDir);
            }
            return new LedgerJournal(channel, lock, records);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    private static int lastLineEnd(byte[] content) {
        int end = content.length;
        while (end > 0 && content[end - 1] != '\n') {
            end--;
        }
        return end;
    }

    private static List<LedgerRecord> parse(String text, Path file) {
        List<LedgerRecord> out = new ArrayList<>();
        int lineNo = 0;
        for (String line : text.split("\n")) {
            lineNo++;
            if (line.isBlank()) {
                continue;
            }
            try {
                out.add(new LedgerRecord(JsonParser.parseString(line).getAsJsonObject()));
            } catch (JsonParseException | IllegalStateException e) {
                // A complete line that does not parse is damage, not a kill mid-write: stop rather than guess.
                throw new IllegalStateException(file + " line " + lineNo + " is not a ledger record: " + line, e);
            }
        }
        return out;
    }

    /** Makes the new file's directory entry durable too, where the platform allows it. */
    private static void forceDirectory(Path dir) {
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException | UnsupportedOperationException notSupported) {
            // Some file systems cannot open a directory; the file's own force still holds its content.
        }
    }

    /** What the journal held when it was opened, oldest first. */
    List<LedgerRecord> records() {
        return records;
    }

    /** Writes the record and returns once it is on disk. */
    void append(LedgerRecord record) {
        if (channel == null) {
            return;
        }
        ByteBuffer line = ByteBuffer.wrap((record.json() + "\n").getBytes(StandardCharsets.UTF_8));
        long mine;
        synchronized (writeLock) {
            refuseIfBroken();
            try {
                while (line.hasRemaining()) {
                    channel.write(line);
                }
            } catch (IOException e) {
                broken = e;
                throw new JournalUnavailable(e);
            }
            mine = ++written;
        }
        forceUpTo(mine);
    }

    private void forceUpTo(long line) {
        synchronized (forceLock) {
            if (forced >= line) {
                return;
            }
            long upTo;
            synchronized (writeLock) {
                refuseIfBroken();
                upTo = written;
            }
            try {
                channel.force(false);
            } catch (IOException e) {
                synchronized (writeLock) {
                    broken = e;
                }
                throw new JournalUnavailable(e);
            }
            forced = upTo;
        }
    }

    private void refuseIfBroken() {
        if (broken != null) {
            throw new JournalUnavailable(broken);
        }
    }

    @Override
    public void close() throws IOException {
        if (channel == null) {
            return;
        }
        synchronized (writeLock) {
            if (broken == null) {
                broken = new IOException("the ledger journal is closed");
            }
            lock.release();
            channel.close();
        }
    }

    /** The journal cannot record a change, so the change is not made; the caller answers "try again". */
    static final class JournalUnavailable extends UncheckedIOException {
        JournalUnavailable(IOException cause) {
            super("the ledger journal cannot be written: " + cause.getMessage(), cause);
        }
    }
}
