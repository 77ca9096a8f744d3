package io.exactpay.application;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

class TimelineEntryTest {

    @Test
    void aClientSeesThatStaffActedButNotWho() {
        TimelineEntry staff = new TimelineEntry(3, Instant.EPOCH, "staff:alice", "ORDER_CANCELLED", "PENDING",
                "CLOSING", "SUPPORT");
        TimelineEntry system = new TimelineEntry(2, Instant.EPOCH, "jms:erp", "REMARK_ADDED", "PENDING", "PENDING", "x");

        assertEquals("staff", staff.asSeenByClient().actor());
        assertEquals("ORDER_CANCELLED", staff.asSeenByClient().action());
        assertSame(system, system.asSeenByClient());
    }
}
