package io.exactpay.legacy;

import java.time.Duration;

/** The test JVM's one kit (Narayana is process-wide), on its own transaction log. */
final class InProcessKit {

    private static LegacyKit kit;

    private InProcessKit() {
    }

    static synchronized LegacyKit get() throws Exception {
        if (kit == null) {
            TestServers.start();
            kit = LegacyKit.start(new KitConfiguration(TestServers.erp(), TestServers.xaDataSource(),
                    TestServers.DIR.resolve("tx-log-test-jvm"), "legacy-test", Duration.ofSeconds(30),
                    Duration.ofMinutes(5)));
        }
        return kit;
    }
}
