package io.exactpay.domain.model.ledger;

/** The ledger is written, never changed: one entry for each movement of money. */
public interface LedgerRepository {

    void add(LedgerEntry entry);
}
