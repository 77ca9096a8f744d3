package io.exactpay.domain.model.payment;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

public interface PaymentAttemptRepository {

    void add(PaymentAttempt attempt);

    Optional<PaymentAttempt> find(UUID attemptId);

    List<PaymentAttempt> forOrder(UUID orderId);
}
