package io.exactpay.infrastructure.logging;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.FileHandler;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Writes the application's log ({@code io.exactpay.*}: business outcomes, janitor, warnings) as
 * JSON lines to {@code exactpay.log.json-file}, beside the server's own log, while the application
 * runs. The application adds its handler itself, so the same file appears on Payara Micro and on a
 * full Payara Server without a server-wide logging change. Empty setting: no JSON log.
 */
@Singleton
@Startup
public class JsonLogFile {

    /** Held here: a logger only weakly referenced could be collected with its handler. */
    private static final Logger APPLICATION = Logger.getLogger("io.exactpay");

    @Inject
    @ConfigProperty(name = "exactpay.log.json-file", defaultValue = "")
    private String file;

    private FileHandler handler;

    @PostConstruct
    void open() {
        if (file.isBlank()) return;
        Path path = Path.of(file).toAbsolutePath();
        try {
            Files.createDirectories(path.getParent());
            // FileHandler reads '%' as a pattern character; a path is taken literally.
            handler = new FileHandler(path.toString().replace("%", "%%"), 0, 1, true);
            handler.setEncoding("UTF-8");
        } catch (IOException e) {
            // A log that cannot be written is a configuration error: the deployment says which file.
            throw new UncheckedIOException("cannot write the JSON log " + path, e);
        }
        handler.setFormatter(new JsonLineFormatter());
        handler.setLevel(Level.INFO);
        APPLICATION.addHandler(handler);
    }

    @PreDestroy
    void close() {
        if (handler == null) return;
        APPLICATION.removeHandler(handler);
        handler.close();
    }
}
