package io.exactpay.domain.model.payment;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

public interface CaptureRepository {

    void add(Capture capture);

    Optional<Capture> find(UUID captureId);

    /** The capture recorded on this attempt; an attempt is paid at most once. */
    Optional<Capture> ofAttempt(UUID attemptId);

    /** The capture that made the order PAID, if one did. */
    Optional<Capture> primaryOf(UUID orderId);

    List<Capture> forOrder(UUID orderId);
}
