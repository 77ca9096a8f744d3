package io.exactpay.server;

/**
 * A legacy system's identity on the broker: a user of its own, which the broker stamps on every
 * message it sends (the order's client id), and the queues that are its alone. It may send order
 * commands, read its replies and read its own subscription to the events address; nothing else.
 */
public record LegacySystem(String name, String password) {

    /** Every legacy system holds this role: it may send to the command queue. */
    public static final String ROLE = "legacy";

    private static final String NAME = "[a-z][a-z0-9-]{0,31}";

    public LegacySystem {
        // The name is part of queue and role names and of an environment variable's name.
        if (name == null || !name.matches(NAME)) {
            throw new IllegalArgumentException("A legacy system's name must match " + NAME + ", was " + name);
        }
    }

    static String passwordKey(String name) {
        return "broker.legacy." + name + ".password";
    }

    /** The role only this system holds: its own queues. */
    public String role() {
        return "legacy-" + name;
    }

    /** Where ExactPay answers this system's commands; the only JMSReplyTo it may name. */
    public String replyQueue() {
        return "exactpay.replies." + name;
    }

    /** Its durable subscription queue on exactpay.events, filtered to its own orders. */
    public String eventQueue() {
        return "exactpay.events." + name;
    }

    @Override
    public String toString() {
        return "LegacySystem[" + name + "]";
    }
}
