package io.exactpay.messaging.contract;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import java.nio.charset.StandardCharsets;

/**
 * Fuzzes the command parser (Jazzer). Every text a sender can put on the queue is either a command
 * or a {@link MalformedMessageException} with a reason, which dead-letters it at once; any other
 * exception would be redelivered until the attempts run out. {@code mvn verify} runs the seeds in
 * {@code OrderCommandFuzzTestInputs} (the catalog's commands); {@code JAZZER_FUZZ=1} fuzzes for
 * the duration given here (see README, "Security").
 */
class OrderCommandFuzzTest {

    @FuzzTest(maxDuration = "2m")
    void parseAnswersEveryTextWithACommandOrAReason(FuzzedDataProvider data) {
        // The raw bytes as UTF-8, as a text message's body arrives: the seeds are plain JSON files.
        String body = new String(data.consumeRemainingAsBytes(), StandardCharsets.UTF_8);
        try {
            OrderCommand command = OrderCommand.parse(body);
            if (command.messageId() == null || command.messageId().isBlank()) {
                throw new AssertionError("a command without a messageId: " + body);
            }
        } catch (MalformedMessageException expected) {
            if (expected.getMessage() == null || expected.getMessage().isBlank()) {
                throw new AssertionError("refused without a reason: " + body);
            }
        }
    }
}
