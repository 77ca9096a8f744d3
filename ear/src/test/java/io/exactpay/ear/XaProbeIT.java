package io.exactpay.ear;

import io.exactpay.ear.probe.XaProbeApplication;
import io.exactpay.ear.probe.XaProbeResource;
import io.exactpay.it.Api;
import io.exactpay.it.Broker;
import io.exactpay.it.Invariants;
import io.exactpay.it.OrderDatabase;
import jakarta.json.JsonObject;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * XA on Payara Server: an order placed in a transaction that fails after OrderCreated was sent
 * leaves neither the row nor the event. No endpoint of the application fails after sending, so
 * this suite deploys a copy of the EAR with one more web module, a probe that owns the
 * transaction, and puts the real EAR back afterwards.
 */
class XaProbeIT {

    private static final Path EAR = Path.of(System.getProperty("exactpay.it.ear"));
    private static final String PROBE_CONTEXT = "/xa-probe";

    @BeforeAll
    static void deployTheEarWithTheProbe() throws Exception {
        PayaraServerStack.running().redeploy(withProbe(EAR, Path.of(System.getProperty("exactpay.it.work-dir"))));
    }

    @AfterAll
    static void noInDoubtTransactionsThenTheRealEarBack() throws Exception {
        try {
            Invariants.assertNoInDoubtTransactions();
        } finally {
            PayaraServerStack.running().redeploy(EAR);
        }
    }

    /** The EAR as built, plus the probe module, listed in a regenerated application.xml. */
    static Path withProbe(Path ear, Path directory) throws IOException {
        EnterpriseArchive copy = ShrinkWrap.createFromZipFile(EnterpriseArchive.class, ear.toFile());
        String applicationXml;
        try (InputStream in = copy.get("META-INF/application.xml").getAsset().openStream()) {
            applicationXml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        int afterModules = applicationXml.lastIndexOf("</module>") + "</module>".length();
        applicationXml = applicationXml.substring(0, afterModules)
                + "\n  <module>\n    <web>\n      <web-uri>xa-probe.war</web-uri>\n      <context-root>" + PROBE_CONTEXT
                + "</context-root>\n    </web>\n  </module>" + applicationXml.substring(afterModules);
        copy.addAsModule(ShrinkWrap.create(WebArchive.class, "xa-probe.war")
                        .addClasses(XaProbeApplication.class, XaProbeResource.class))
                .setApplicationXML(new StringAsset(applicationXml));
        Path file = directory.resolve("exactpay-with-xa-probe.ear");
        copy.as(ZipExporter.class).exportTo(file.toFile(), true);
        return file;
    }

    private static HttpResponse<String> probe(String merchantOrderNo, boolean failAfterSend) throws Exception {
        return Api.post(PROBE_CONTEXT + "/orders?merchantOrderNo=" + merchantOrderNo + "&failAfterSend=" + failAfterSend,
                "");
    }

    private static long ordersWith(String merchantOrderNo) throws Exception {
        return OrderDatabase.count("select count(*) from orders where merchant_order_no = ?", merchantOrderNo);
    }

    @Test
    void commitThroughTheProbe_rowAndEventAreBothThere() throws Exception {
        String no = "XA-C-" + UUID.randomUUID();

        HttpResponse<String> response = probe(no, false);

        assertEquals(201, response.statusCode(), response.body());
        String id = Api.json(response.body()).getString("orderId");
        assertEquals(1, ordersWith(no));
        assertNotNull(Broker.receive(Broker.EVENTS, "orderId = '" + id + "'", 10_000), "OrderCreated delivered");
    }

    @Test
    void failureAfterTheSend_neitherRowNorEventIsThere() throws Exception {
        String no = "XA-R-" + UUID.randomUUID();

        HttpResponse<String> response = probe(no, true);

        assertEquals(200, response.statusCode(), response.body());
        JsonObject outcome = Api.json(response.body());
        assertEquals("rolled back", outcome.getString("transaction"));
        assertTrue(outcome.getString("failure").contains("division by zero"), outcome.toString());
        assertEquals(0, ordersWith(no), "order row rolled back");
        assertNull(Broker.receive(Broker.EVENTS, "orderId = '" + outcome.getString("orderId") + "'", 3_000),
                "OrderCreated rolled back with the row");
    }
}
