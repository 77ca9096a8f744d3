package io.exactpay.messaging;

import io.exactpay.application.UnvouchedSettlementException;
import jakarta.ejb.EJBException;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which failures of a last delivery attempt pass (delivered again later) and which are dead-lettered. */
class LaterDeliveryTest {

    @Test
    void aSettlementNotVouchedForWhileATransactionIsInDoubtIsDeliveredAgainLater() {
        // As the container hands it to the consumer: the bean's exception inside an EJBException.
        assertTrue(LaterDelivery.passing(new EJBException(
                new UnvouchedSettlementException("no verified callback vouches for it", true))));
    }

    @Test
    void aSettlementNotVouchedForWithNothingInDoubtIsDeadLetteredAsForged() {
        assertFalse(LaterDelivery.passing(new EJBException(
                new UnvouchedSettlementException("no verified callback vouches for it", false))));
    }

    @Test
    void theDatabaseRestartingOrOutOfReachPasses_aBrokenStatementDoesNot() {
        assertTrue(LaterDelivery.passing(new EJBException(new SQLException("terminating connection", "57P01"))));
        assertTrue(LaterDelivery.passing(new EJBException(new SQLException("connection refused", "08001"))));
        assertFalse(LaterDelivery.passing(new EJBException(new SQLException("syntax error", "42601"))));
    }
}
