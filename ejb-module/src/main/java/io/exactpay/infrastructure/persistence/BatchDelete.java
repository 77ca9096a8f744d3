package io.exactpay.infrastructure.persistence;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import java.time.Instant;
import java.time.ZoneOffset;

/** Forgetting in batches, so that a purge of a large backlog never holds many rows or a long transaction. */
final class BatchDelete {

    private BatchDelete() {
    }

    /**
     * Deletes up to {@code batch} of the rows the query selects (by their physical row id). The query
     * takes the cutoff as ?1 and any further values from ?3 on.
     */
    static int rows(EntityManager em, String table, String selectRows, Instant cutoff, int batch, Object... values) {
        Query delete = em.createNativeQuery("delete from " + table + " where ctid in (" + selectRows + " limit ?2)")
                .setParameter(1, cutoff.atOffset(ZoneOffset.UTC))
                .setParameter(2, batch);
        for (int i = 0; i < values.length; i++) delete.setParameter(3 + i, values[i]);
        return delete.executeUpdate();
    }
}
