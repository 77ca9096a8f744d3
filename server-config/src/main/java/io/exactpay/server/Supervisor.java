package io.exactpay.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * Keeps the run command's parts running: each part that dies without being asked to is started
 * again on its own data (PostgreSQL on its write-ahead log, the broker on its journal, Payara on
 * its transaction log, which recovers what was in doubt). A part that keeps dying (more than
 * {@link #MAX_RESTARTS} times in {@link #WINDOW}) stops the run with a message that says so.
 *
 * <p>Each part's process id is kept under {@code <data-dir>/run}, so that a run whose launcher
 * was killed leaves nothing behind that the next start does not find and stop first.
 */
public final class Supervisor {

    static final int MAX_RESTARTS = 5;
    static final Duration WINDOW = Duration.ofMinutes(10);

    /** Starts a part; what it returns is the running part. */
    public interface Start {
        Object start() throws Exception;
    }

    private static final class Part {
        final String name;
        final BooleanSupplier alive;
        final Start start;
        final Deque<Instant> restarts = new ArrayDeque<>();

        Part(String name, BooleanSupplier alive, Start start) {
            this.name = name;
            this.alive = alive;
            this.start = start;
        }
    }

    private final List<Part> parts = new ArrayList<>();
    private final Path runDir;
    private volatile boolean stopping;

    public Supervisor(Path dataDir) {
        this.runDir = dataDir.resolve("run");
    }

    /** Watches a part: when {@code alive} turns false, {@code start} brings it back. */
    public void watch(String name, BooleanSupplier alive, Start start) {
        parts.add(new Part(name, alive, start));
    }

    /** Notes a part's process id, for the next start to find if this launcher dies. */
    public void remember(String name, long pid) throws IOException {
        Files.createDirectories(runDir);
        Files.writeString(runDir.resolve(name + ".pid"), Long.toString(pid), StandardCharsets.UTF_8);
    }

    /**
     * Stops what a previous run of this data directory left running (its launcher was killed, so
     * nothing stopped its children): each remembered process that still runs the same program.
     */
    public void stopLeftovers(String name, String commandMarker) throws IOException, InterruptedException {
        Path file = runDir.resolve(name + ".pid");
        if (!Files.exists(file)) return;
        long pid = Long.parseLong(Files.readString(file).trim());
        Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .filter(p -> commandLine(p).map(c -> c.contains(commandMarker)).orElse(false));
        if (process.isPresent()) {
            log("a previous run left " + name + " running (pid " + pid + "): stopping it before starting again");
            stop(process.get());
        }
        Files.delete(file);
    }

    /**
     * The process's whole command line. The JDK's own ({@code ProcessHandle.Info}) stops at 4,096
     * characters on Linux, before the main class of a part started with a long class path (the
     * broker's and the sandbox's): a restart after a killed launcher then left them running and
     * could not start its own broker. {@code /proc} has all of it.
     */
    static Optional<String> commandLine(ProcessHandle process) {
        Path proc = Path.of("/proc", Long.toString(process.pid()), "cmdline");
        try {
            if (Files.isReadable(proc)) {
                return Optional.of(new String(Files.readAllBytes(proc), StandardCharsets.UTF_8).replace('\0', ' '));
            }
        } catch (IOException gone) {
            // ended meanwhile, or not Linux: fall back to what the JDK knows
        }
        return process.info().commandLine();
    }

    static void stop(ProcessHandle process) throws InterruptedException {
        process.destroy();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (process.isAlive() && System.nanoTime() < deadline) Thread.sleep(200);
        if (process.isAlive()) {
            process.destroyForcibly();
            while (process.isAlive()) Thread.sleep(100);
        }
    }

    /** Watches until {@link #stop()} is called or a part keeps dying; returns the reason the run ends. */
    public String superviseUntilStopped() throws InterruptedException {
        while (!stopping) {
            for (Part part : parts) {
                if (stopping || part.alive.getAsBoolean()) continue;
                Instant now = Instant.now();
                while (!part.restarts.isEmpty() && part.restarts.peekFirst().isBefore(now.minus(WINDOW))) {
                    part.restarts.removeFirst();
                }
                if (part.restarts.size() >= MAX_RESTARTS) {
                    return part.name + " died " + (MAX_RESTARTS + 1) + " times within " + WINDOW.toMinutes()
                            + " minutes; stopping. Its data is kept: the next start recovers it (see README, after a crash)";
                }
                part.restarts.addLast(now);
                log(part.name + " stopped unexpectedly; starting it again on its own data");
                try {
                    part.start.start();
                    log(part.name + " is back");
                } catch (Exception e) {
                    log(part.name + " could not be started again: " + e.getMessage() + "; trying again shortly");
                }
            }
            Thread.sleep(1_000);
        }
        return "stopped";
    }

    public void stop() {
        stopping = true;
    }

    private static void log(String message) {
        System.out.println("[exactpay] " + message);
    }
}
