package io.exactpay.messaging;

import io.exactpay.application.CapturedPayment;
import io.exactpay.application.SettlementService;
import io.exactpay.domain.model.order.OrderNotFoundException;
import io.exactpay.domain.model.payment.CaptureRole;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/**
 * Settles one capture: in the consumer's transaction normally, in its own on a message's last
 * delivery attempt (so a failure can still be dead-lettered with its reason).
 */
@Stateless
public class PaymentCaptureHandler {

    @Inject
    private SettlementService settlement;

    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public CaptureRole handle(CapturedPayment payment) throws OrderNotFoundException {
        return settlement.settleCapture(payment);
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public CaptureRole handleInOwnTransaction(CapturedPayment payment) throws OrderNotFoundException {
        return settlement.settleCapture(payment);
    }
}
