package io.exactpay.application.support;

import java.time.Instant;
import java.util.UUID;

/** One thing a person did: who (staff:&lt;name&gt;), what, on what, for which order if any, when. */
public record StaffActionView(long id, Instant at, String actor, String action, String subject, UUID orderId,
                              String detail) {
}
