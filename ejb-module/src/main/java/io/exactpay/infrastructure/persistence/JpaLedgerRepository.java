package io.exactpay.infrastructure.persistence;

import io.exactpay.domain.model.ledger.LedgerEntry;
import io.exactpay.domain.model.ledger.LedgerRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class JpaLedgerRepository implements LedgerRepository {

    @PersistenceContext(unitName = "exactpay")
    private EntityManager em;

    @Override
    public void add(LedgerEntry entry) {
        em.persist(entry);
    }
}
