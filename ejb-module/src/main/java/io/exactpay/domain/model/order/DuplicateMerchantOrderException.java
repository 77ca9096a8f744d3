package io.exactpay.domain.model.order;

import jakarta.ejb.ApplicationException;

import java.util.UUID;

/** The client already has an order with this merchant order number. */
@ApplicationException(rollback = true)
public class DuplicateMerchantOrderException extends Exception {

    private final String merchantOrderNo;
    private final UUID existingOrderId;

    public DuplicateMerchantOrderException(String merchantOrderNo, UUID existingOrderId) {
        super("Merchant order number " + merchantOrderNo + " is already used"
                + (existingOrderId != null ? " by order " + existingOrderId : ""));
        this.merchantOrderNo = merchantOrderNo;
        this.existingOrderId = existingOrderId;
    }

    public String merchantOrderNo() {
        return merchantOrderNo;
    }

    /** The order that holds the number, where it could be read; null if it lost a race. */
    public UUID existingOrderId() {
        return existingOrderId;
    }
}
