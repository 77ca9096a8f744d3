package io.exactpay.it;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Every part of the stack listens on the loopback interface only, as the run command promises: no
 * port of Payara Micro (its HTTP listener, and no data grid), the channel sandbox, PostgreSQL or
 * the broker is reachable from another machine. Read from the kernel's own socket tables
 * ({@code /proc/net/tcp}, {@code tcp6}), matched to each process's open sockets.
 */
class NetworkExposureIT {

    private static final String LISTEN = "0A";

    @Test
    void everyListeningSocketOfEveryPartIsOnLoopback() throws Exception {
        List<String> exposed = new ArrayList<>();
        Map<String, Long> processes = SystemUnderTest.get().processes();
        assertEquals(Set.of("application server", "sandbox", "postgres", "broker (in this JVM)"), processes.keySet());
        for (Map.Entry<String, Long> process : processes.entrySet()) {
            Set<String> sockets = socketInodes(process.getValue());
            List<String[]> listening = listeningSockets().stream().filter(s -> sockets.contains(s[2])).toList();
            assertFalse(listening.isEmpty(), process.getKey() + " listens on no port at all: not found?");
            for (String[] socket : listening) {
                InetAddress local = address(socket[0]);
                if (!local.isLoopbackAddress()) {
                    exposed.add(process.getKey() + " listens on " + local.getHostAddress() + " port "
                            + Integer.parseInt(socket[1], 16));
                }
            }
        }
        assertEquals(List.of(), exposed, "ports reachable from other machines");
    }

    /** The inodes of the sockets the process holds open ({@code /proc/<pid>/fd -> socket:[inode]}). */
    private static Set<String> socketInodes(long pid) throws IOException {
        try (Stream<Path> fds = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
            return fds.map(fd -> {
                try {
                    return Files.readSymbolicLink(fd).toString();
                } catch (IOException closedMeanwhile) {
                    return "";
                }
            }).filter(link -> link.startsWith("socket:[")).map(link -> link.substring(8, link.length() - 1))
                    .collect(Collectors.toSet());
        }
    }

    /** An address as the kernel's table writes it: hex, each 32-bit word in the machine's (little-endian) order. */
    private static InetAddress address(String hex) throws IOException {
        byte[] bytes = new byte[hex.length() / 2];
        for (int i = 0; i < bytes.length; i++) {
            int word = i / 4;
            int inWord = 3 - i % 4;
            int at = (word * 4 + inWord) * 2;
            bytes[i] = (byte) Integer.parseInt(hex.substring(at, at + 2), 16);
        }
        return InetAddress.getByAddress(bytes);
    }

    /** Every listening TCP socket on the machine: local address (hex), port (hex), inode. */
    private static List<String[]> listeningSockets() throws IOException {
        List<String[]> sockets = new ArrayList<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            List<String> lines = Files.readAllLines(Path.of(table));
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.trim().split("\\s+");
                if (!f[3].equals(LISTEN)) continue;
                String[] local = f[1].split(":");
                sockets.add(new String[] {local[0], local[1], f[9]});
            }
        }
        return sockets;
    }
}
