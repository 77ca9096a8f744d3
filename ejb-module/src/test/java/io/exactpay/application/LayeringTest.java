package io.exactpay.application;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The application talks to channels through its own port (application/channel) and to the
 * database through the aggregates' repositories: it imports no channel adapter and, outside the
 * reconciliation and the webhooks, no EntityManager.
 */
class LayeringTest {

    private static final Path APPLICATION = Path.of("src/main/java/io/exactpay/application");

    @Test
    void theApplicationImportsNoChannelAdapter() {
        assertEquals(List.of(), sourcesContaining(APPLICATION, "import io.exactpay.infrastructure.channel"));
    }

    @Test
    void theApplicationOutsideReconciliationAndWebhooksUsesRepositoriesNotTheEntityManager() {
        List<String> found = sourcesContaining(APPLICATION, "import jakarta.persistence.EntityManager;").stream()
                .filter(path -> !path.startsWith("reconciliation/") && !path.startsWith("webhook/")
                        && !path.equals("internal/DefaultWebhookService.java"))
                .toList();
        assertEquals(List.of(), found);
    }

    static List<String> sourcesContaining(Path root, String text) {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(f -> f.toString().endsWith(".java"))
                    .filter(f -> read(f).contains(text))
                    .map(f -> root.relativize(f).toString().replace('\\', '/'))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
