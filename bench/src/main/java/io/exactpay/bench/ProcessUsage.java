package io.exactpay.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU time and resident memory of the stack's processes, read from /proc (Linux). PostgreSQL is
 * the postmaster with every backend and helper it forked, including the time of those that have
 * already exited.
 */
final class ProcessUsage {

    /** Clock ticks per second of /proc's CPU times; 100 on every common Linux build. */
    private static final long TICKS_PER_SECOND = 100;

    private final Map<String, Long> pids;
    private final String postgres;

    /** @param pids the processes by name; {@code postgres} names the one whose children count too */
    ProcessUsage(Map<String, Long> pids, String postgres) {
        this.pids = new LinkedHashMap<>(pids);
        this.postgres = postgres;
    }

    Iterable<String> names() {
        return pids.keySet();
    }

    /** CPU milliseconds (user + system) used so far, per process name. */
    Map<String, Long> cpuMillis() throws IOException {
        Map<String, Long> cpu = new LinkedHashMap<>();
        for (Map.Entry<String, Long> process : pids.entrySet()) {
            long ticks;
            if (process.getKey().equals(postgres)) {
                long[] parent = stat(process.getValue());
                ticks = parent[0] + parent[1] + parent[2] + parent[3];
                for (long child : childrenOf(process.getValue())) {
                    long[] s = stat(child);
                    ticks += s[0] + s[1];
                }
            } else {
                long[] s = stat(process.getValue());
                ticks = s[0] + s[1];
            }
            cpu.put(process.getKey(), ticks * 1000 / TICKS_PER_SECOND);
        }
        return cpu;
    }

    /** Resident memory in MB per process name (PostgreSQL: the sum, shared buffers counted more than once). */
    Map<String, Long> rssMegabytes() throws IOException {
        Map<String, Long> rss = new LinkedHashMap<>();
        for (Map.Entry<String, Long> process : pids.entrySet()) {
            long kb = rssKb(process.getValue());
            if (process.getKey().equals(postgres)) {
                for (long child : childrenOf(process.getValue())) kb += rssKb(child);
            }
            rss.put(process.getKey(), kb / 1024);
        }
        return rss;
    }

    /** utime, stime, cutime, cstime in ticks; zeros for a process that is gone. */
    private static long[] stat(long pid) throws IOException {
        String line;
        try {
            line = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        } catch (java.nio.file.NoSuchFileException e) {
            return new long[4];
        }
        String[] fields = line.substring(line.lastIndexOf(')') + 2).trim().split(" ");
        // fields[0] is the state (field 3 of proc(5)); utime is field 14.
        return new long[] {Long.parseLong(fields[11]), Long.parseLong(fields[12]), Long.parseLong(fields[13]),
                Long.parseLong(fields[14])};
    }

    private static long rssKb(long pid) throws IOException {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) return Long.parseLong(line.replaceAll("\\D", ""));
            }
        } catch (java.nio.file.NoSuchFileException e) {
            return 0;
        }
        return 0;
    }

    private static long[] childrenOf(long parent) throws IOException {
        try (Stream<Path> entries = Files.list(Path.of("/proc"))) {
            return entries.map(p -> p.getFileName().toString()).filter(name -> name.chars().allMatch(Character::isDigit))
                    .mapToLong(Long::parseLong)
                    .filter(pid -> parentOf(pid) == parent).toArray();
        }
    }

    private static long parentOf(long pid) {
        try {
            String line = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            return Long.parseLong(line.substring(line.lastIndexOf(')') + 2).trim().split(" ")[1]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
