package io.exactpay.application;

import jakarta.ejb.ApplicationException;

import java.util.UUID;

/**
 * A command's message id that its sender already used for another command (or another order):
 * neither a replay nor a new command. Thrown before anything changed.
 */
@ApplicationException(rollback = false)
public class MessageIdReusedException extends Exception {

    private final String messageId;
    private final UUID earlierOrderId;

    public MessageIdReusedException(String messageId, String earlierCommand, UUID earlierOrderId) {
        super("messageId " + messageId + " was used before for " + earlierCommand + " of order " + earlierOrderId);
        this.messageId = messageId;
        this.earlierOrderId = earlierOrderId;
    }

    public String messageId() {
        return messageId;
    }

    public UUID earlierOrderId() {
        return earlierOrderId;
    }
}
