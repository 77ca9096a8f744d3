package io.exactpay.it;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * For suites whose every outcome is expected (races settled the right way, repeats answered, lock
 * waits retried): once the suite and its own checks are done, Payara's console log holds no
 * WARNING, SEVERE or stack trace written while it ran.
 */
public class QuietConsole implements BeforeAllCallback, AfterAllCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(QuietConsole.class);

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        context.getStore(NAMESPACE).put("mark", ConsoleLog.mark());
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        ConsoleLog.assertQuietSince(context.getStore(NAMESPACE).get("mark", Long.class));
    }
}
