package io.exactpay.application.reconciliation;

import io.exactpay.domain.model.payment.Channel;
import jakarta.ejb.ApplicationException;

import java.time.LocalDate;

/** Another run of the same channel and day is under way (on this or another instance). */
@ApplicationException(rollback = true)
public class ReconciliationRunningException extends RuntimeException {

    public ReconciliationRunningException(Channel channel, LocalDate day) {
        super("the reconciliation of " + channel + " for " + day + " is already running");
    }
}
