package io.exactpay.legacy;

import java.util.Objects;

/**
 * Where a legacy system reaches ExactPay: the Artemis broker (core protocol) and the system's own
 * broker user. The user is the system's identity: ExactPay answers on {@code exactpay.replies.<user>},
 * and the system's events are kept for it on {@code exactpay.events::exactpay.events.<user>}.
 */
public record ExactPayBroker(String host, int port, String user, String password) {

    /** ExactPay's command queue. */
    public static final String COMMAND_QUEUE = "exactpay.order.commands";

    public ExactPayBroker {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
    }

    /**
     * The broker URL. The consumer window is 0 so that a receive takes exactly one message from
     * the broker: nothing sits prefetched in a process that may crash or that another instance could have taken.
     */
    public String url() {
        return "tcp://" + host + ":" + port + "?consumerWindowSize=0";
    }

    /** The only queue ExactPay answers this system's commands on. */
    public String replyQueue() {
        return "exactpay.replies." + user;
    }

    /** This system's durable subscription to exactpay.events (its own orders' events), as a full queue name. */
    public String eventQueue() {
        return "exactpay.events::exactpay.events." + user;
    }

    @Override
    public String toString() {
        return "ExactPayBroker[" + host + ":" + port + " as " + user + "]";
    }
}
