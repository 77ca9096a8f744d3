package io.exactpay.server;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The launcher's refusal to run with a development password where others can reach it. While
 * every address is loopback (the defaults), the shipped passwords are fine for a demo; once
 * Payara's HTTP listener, the database or the broker is on another address, each password must
 * be at least {@value #MIN_LENGTH} characters and none of the shipped defaults.
 */
final class PasswordRule {

    static final int MIN_LENGTH = 12;

    /** The development defaults (Settings), never acceptable beyond loopback. */
    private static final Set<String> DEFAULTS = Set.of("exactpay", "erp", "pos");

    private PasswordRule() {
    }

    /** Throws, naming every weak password and the address that exposes it, when the rule is broken. */
    static void require(Settings settings) {
        List<String> exposed = exposedAddresses(settings);
        if (exposed.isEmpty()) return;
        List<String> weak = weakPasswords(settings);
        if (weak.isEmpty()) return;
        throw new IllegalStateException("Refusing to start: " + String.join(", ", exposed)
                + (exposed.size() == 1 ? " is not a loopback address" : " are not loopback addresses")
                + ", and " + String.join("; ", weak) + ". Set each to a password of at least " + MIN_LENGTH
                + " characters that is not a default (exactpay.<key> or its EXACTPAY_ environment variable),"
                + " or keep every host on 127.0.0.1.");
    }

    /** The host settings that are not loopback, each as "key value". */
    static List<String> exposedAddresses(Settings settings) {
        List<String> exposed = new ArrayList<>();
        for (String key : List.of("http.host", "db.host", "broker.host")) {
            if (!LoopbackAddresses.all(settings.get(key))) exposed.add(key + " " + settings.get(key));
        }
        return exposed;
    }

    /** Every weak password setting, with why it is weak. */
    static List<String> weakPasswords(Settings settings) {
        Map<String, String> passwords = new LinkedHashMap<>();
        passwords.put("db.password", settings.get("db.password"));
        passwords.put("broker.password", settings.get("broker.password"));
        // Legacy users exist only on the embedded broker.
        if (settings.getBoolean("broker.embedded")) {
            for (LegacySystem system : settings.legacySystems()) {
                passwords.put(LegacySystem.passwordKey(system.name()), system.password());
            }
        }
        List<String> weak = new ArrayList<>();
        passwords.forEach((key, password) -> {
            if (DEFAULTS.contains(password.toLowerCase(Locale.ROOT))) {
                weak.add(key + " is a default password");
            } else if (password.length() < MIN_LENGTH) {
                weak.add(key + " is shorter than " + MIN_LENGTH + " characters");
            }
        });
        return weak;
    }
}
