package io.exactpay.domain.model;

import io.exactpay.domain.model.order.OrderStatus;
import io.exactpay.domain.model.payment.AttemptStatus;
import io.exactpay.domain.model.payment.Capture;
import io.exactpay.domain.model.payment.CaptureRole;
import io.exactpay.domain.model.payment.Channel;
import io.exactpay.domain.model.payment.PaymentAttempt;
import io.exactpay.domain.model.refund.Refund;
import io.exactpay.domain.model.refund.RefundReason;
import io.exactpay.domain.model.refund.RefundStatus;
import io.exactpay.domain.shared.Money;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The state diagrams of docs/state-machines.md show exactly the moves the code makes: the order's
 * from its transition table, a payment attempt's and a refund's by calling each of their verbs in
 * each state. A move added to the code and not to the page, or the reverse, fails here.
 */
class StateDiagramsTest {

    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    private static final Pattern MERMAID = Pattern.compile("```mermaid\\n(stateDiagram-v2\\n.*?)```", Pattern.DOTALL);
    private static final Pattern MOVE = Pattern.compile("^\\s*(\\w+) --> (\\w+)", Pattern.MULTILINE);

    /** The moves drawn in each state diagram of the page, in page order: order, attempt, refund. */
    private static List<Set<String>> drawn() throws Exception {
        String page = Files.readString(Path.of("..", "docs", "state-machines.md"));
        List<Set<String>> diagrams = new ArrayList<>();
        Matcher diagram = MERMAID.matcher(page);
        while (diagram.find()) {
            Set<String> moves = new TreeSet<>();
            Matcher move = MOVE.matcher(diagram.group(1));
            while (move.find()) moves.add(move.group(1) + " -> " + move.group(2));
            diagrams.add(moves);
        }
        assertEquals(3, diagrams.size(), "the order, attempt and refund diagrams");
        return diagrams;
    }

    @Test
    void theOrderDiagramIsTheTransitionTable() throws Exception {
        Set<String> table = new TreeSet<>();
        for (OrderStatus from : OrderStatus.values()) {
            for (OrderStatus to : OrderStatus.values()) {
                if (from.canMoveTo(to)) table.add(from + " -> " + to);
            }
        }
        assertEquals(table, drawn().get(0));
    }

    @Test
    void theAttemptDiagramIsWhatItsVerbsDo() throws Exception {
        List<Consumer<PaymentAttempt>> verbs = List.of(a -> a.opened("qr", NOW), a -> a.rejected("refused", NOW),
                a -> a.closed(NOW), a -> a.captured(NOW));
        Set<String> made = new TreeSet<>();
        for (AttemptStatus from : AttemptStatus.values()) {
            for (Consumer<PaymentAttempt> verb : verbs) {
                PaymentAttempt attempt = attemptIn(from);
                try {
                    verb.accept(attempt);
                } catch (IllegalStateException refused) {
                    continue;
                }
                if (attempt.status() != from) made.add(from + " -> " + attempt.status());
            }
        }
        assertEquals(made, drawn().get(1));
    }

    @Test
    void theRefundDiagramIsWhatItsVerbsDo() throws Exception {
        List<Consumer<Refund>> verbs = List.of(r -> r.submitted("RF", NOW), r -> r.succeeded("RF", NOW),
                r -> r.failed("refused", NOW), r -> r.retry(NOW));
        Set<String> made = new TreeSet<>();
        for (RefundStatus from : RefundStatus.values()) {
            for (Consumer<Refund> verb : verbs) {
                Refund refund = refundIn(from);
                try {
                    verb.accept(refund);
                } catch (IllegalStateException refused) {
                    continue;
                }
                if (refund.status() != from) made.add(from + " -> " + refund.status());
            }
        }
        assertEquals(made, drawn().get(2));
    }

    private static PaymentAttempt attemptIn(AttemptStatus status) {
        PaymentAttempt attempt = PaymentAttempt.open(UUID.randomUUID(), Channel.WECHAT_PAY, Money.of(100, "CNY"), NOW);
        Function<PaymentAttempt, PaymentAttempt> reach = switch (status) {
            case OPENING -> a -> a;
            case OPEN -> a -> { a.opened("qr", NOW); return a; };
            case REJECTED -> a -> { a.rejected("refused", NOW); return a; };
            case CLOSED -> a -> { a.closed(NOW); return a; };
            case CAPTURED -> a -> { a.captured(NOW); return a; };
        };
        PaymentAttempt reached = reach.apply(attempt);
        assertEquals(status, reached.status());
        return reached;
    }

    private static Refund refundIn(RefundStatus status) {
        Capture capture = new Capture(UUID.randomUUID(), UUID.randomUUID(), Channel.ALIPAY, "T-1", Money.of(100, "CNY"),
                CaptureRole.DUPLICATE, NOW);
        Refund refund = Refund.of(capture, RefundReason.DUPLICATE_PAYMENT, NOW);
        switch (status) {
            case REQUESTED -> { }
            case SUBMITTED -> refund.submitted("RF", NOW);
            case SUCCEEDED -> refund.succeeded("RF", NOW);
            case FAILED -> refund.failed("refused", NOW);
        }
        assertEquals(status, refund.status());
        return refund;
    }
}
