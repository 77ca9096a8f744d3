package io.exactpay.messaging.contract;

/**
 * Work that is well formed but that its queue does not take, whoever sent it: dead-lettered at
 * once as refused, nothing changed.
 */
public class RefusedWorkException extends MalformedMessageException {

    public RefusedWorkException(String reason) {
        super(reason);
    }
}
