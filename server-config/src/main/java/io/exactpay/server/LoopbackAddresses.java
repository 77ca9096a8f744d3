package io.exactpay.server;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Locale;

/**
 * Whether a listener's address (or PostgreSQL's comma-separated {@code listen_addresses}) stays on
 * this machine. Only literal loopback addresses and {@code localhost} count; any other name is
 * taken as reachable from elsewhere, without asking DNS.
 */
final class LoopbackAddresses {

    private LoopbackAddresses() {
    }

    static boolean all(String addresses) {
        return Arrays.stream(addresses.split(",")).map(String::trim).filter(a -> !a.isEmpty())
                .allMatch(LoopbackAddresses::isLoopback);
    }

    static boolean isLoopback(String address) {
        String a = address.toLowerCase(Locale.ROOT);
        if (a.equals("localhost")) return true;
        if (a.startsWith("[") && a.endsWith("]")) a = a.substring(1, a.length() - 1);
        boolean literal = a.matches("[0-9.]+") || (a.contains(":") && a.matches("[0-9a-f:.]+"));
        if (!literal) return false;
        try {
            return InetAddress.getByName(a).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
