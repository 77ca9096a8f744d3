package io.exactpay.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import jakarta.json.JsonObject;

import java.io.File;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The support console in a real browser (Debian's Chromium, headless, through its chromedriver):
 * a person signs in with a staff token, finds the order of the README's race walkthrough by the
 * duplicate payment's transaction id, sees both captures and the refund, retries the refund that
 * failed at the channel, and sees it succeed. Screenshots go beside the test report.
 */
class SupportConsoleBrowserIT {

    private static final Path SCREENSHOTS = Path.of(System.getProperty("exactpay.it.screenshots",
            "target/failsafe-reports/console-screenshots"));
    private static final Duration WAIT = Duration.ofSeconds(30);

    private WebDriver browser;
    private WebDriverWait wait;
    private String testName;

    @AfterAll
    static void invariantsHold() throws Exception {
        Invariants.assertNoInDoubtTransactions();
        Invariants.assertNoMoneyInvariantViolated();
    }

    @BeforeEach
    void openBrowser(TestInfo test) throws Exception {
        testName = test.getTestMethod().orElseThrow().getName();
        File driver = new File(System.getProperty("exactpay.it.chromedriver", "/usr/bin/chromedriver"));
        File chromium = new File(System.getProperty("exactpay.it.chromium", "/usr/bin/chromium"));
        if (!driver.canExecute() || !chromium.canExecute()) {
            throw new AssertionError("the browser tests need Chromium and its driver (" + chromium + ", " + driver
                    + "): apt-get install chromium chromium-driver, as .ci/run does");
        }
        ChromeOptions options = new ChromeOptions().setBinary(chromium)
                .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                        "--window-size=1400,1100", "--no-first-run", "--disable-extensions",
                        "--user-data-dir=" + Files.createTempDirectory("chromium-profile"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(driver)
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        // The page re-renders a table when its data comes back: an element found a moment before
        // may be replaced by the time it is read, so a wait looks again rather than fail.
        wait = new WebDriverWait(browser, WAIT);
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) browser.quit();
    }

    private static String run() {
        return "SCB-" + UUID.randomUUID().toString().substring(0, 8) + "-";
    }

    @Test
    void aDuplicatePaidOrderIsFoundByItsTransactionId_andItsFailedRefundIsRetriedFromTheConsole() throws Exception {
        // The race walkthrough, with both channels refusing refunds for now: the duplicate's refund fails.
        Orders.Opened order = Orders.open(run() + "1", 2500, null, "WECHAT_PAY", "ALIPAY");
        Sandbox.faults("wechatpay", order.trade(0), "REFUNDS_DOWN");
        Sandbox.faults("alipay", order.trade(1), "REFUNDS_DOWN");
        Map<String, String> transactions = SupportConsoleApiIT.payBothAtOnce(order);
        Orders.awaitRefund(order.orderId(), "DUPLICATE_PAYMENT", "FAILED", 60_000);
        Orders.awaitSettled(order.orderId(), "PAID", 30_000);
        String duplicateTransaction = OrderDatabase.text("select channel_txn_id from capture"
                + " where order_id = ?::uuid and role = 'DUPLICATE'", order.orderId());
        assertTrue(transactions.containsValue(duplicateTransaction));

        signIn("mei.lin", "support");

        browser.findElement(By.id("number")).sendKeys(duplicateTransaction);
        browser.findElement(By.id("find")).click();
        WebElement match = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#matches a.order-link")));
        assertEquals(order.orderId(), match.getText());
        assertTrue(browser.findElement(By.id("matches")).getText().contains("CHANNEL_TRANSACTION_ID"));
        screenshot("02-found-by-transaction-id");
        match.click();

        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#captures tbody tr"), 2));
        assertEquals(List.of("DUPLICATE", "PRIMARY"), browser.findElements(By.cssSelector("#captures tbody tr")).stream()
                .map(row -> row.getAttribute("data-role")).sorted().toList());
        WebElement refund = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#refunds tbody tr")));
        assertEquals("FAILED", refund.getAttribute("data-status"));
        assertTrue(refund.getText().contains("DUPLICATE_PAYMENT"), refund.getText());
        assertTrue(browser.findElement(By.id("order-summary")).getText().contains("Paid 2 times"),
                browser.findElement(By.id("order-summary")).getText());
        assertTrue(timeline().contains("CAPTURE_DUPLICATE"), timeline());
        assertTrue(timeline().contains("PAYMENT_CAPTURED received"), timeline());
        screenshot("03-duplicate-with-failed-refund");

        // The channel takes refunds again; the person retries from the console.
        Sandbox.clearFaults("wechatpay", order.trade(0));
        Sandbox.clearFaults("alipay", order.trade(1));
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#refunds tbody tr button.retry"))).click();
        try {
            wait.until(ExpectedConditions.attributeToBe(By.cssSelector("#refunds tbody tr"), "data-status", "SUCCEEDED"));
        } catch (org.openqa.selenium.TimeoutException e) {
            screenshot("04-refund-not-succeeded");
            throw new AssertionError("the page says: " + browser.findElement(By.id("message")).getText(), e);
        }
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("timeline"), "REFUND_RETRIED"));
        assertTrue(timeline().contains("staff:mei.lin"), timeline());
        assertTrue(browser.findElement(By.id("order-summary")).getText().contains("Keeps 25.00 CNY"),
                browser.findElement(By.id("order-summary")).getText());
        screenshot("04-refund-retried-succeeded");

        assertEquals(1, Orders.refunds(order.orderId(), "DUPLICATE_PAYMENT", "SUCCEEDED"));
        assertEquals(2500, Orders.kept(order.orderId()));
        assertEquals(1, OrderDatabase.count("select count(*) from order_audit where order_id = ?::uuid"
                + " and action = 'REFUND_RETRIED' and actor = 'staff:mei.lin'", order.orderId()),
                "the retry is audited with the person's name");
    }

    @Test
    void theChartsShowTheDuplicatePaymentsOfThisHour_andDeadLettersNeedAnAdminToAct() throws Exception {
        Orders.Opened order = Orders.open(run() + "2", 600, null, "WECHAT_PAY", "ALIPAY");
        SupportConsoleApiIT.payBothAtOnce(order);
        Orders.awaitRefund(order.orderId(), "DUPLICATE_PAYMENT", "SUCCEEDED", 30_000);

        signIn("mei.lin", "support");
        browser.findElement(By.id("nav-charts")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#chart-per-hour rect[data-series='DUPLICATE']")));
        List<WebElement> duplicates = browser.findElements(By.cssSelector("#chart-per-hour rect[data-series='DUPLICATE']"));
        assertEquals(24, duplicates.size(), "one bar per hour");
        long thisHour = Long.parseLong(duplicates.get(duplicates.size() - 1).getAttribute("data-value"));
        assertTrue(thisHour >= 1, "this hour's duplicate payments: " + thisHour);
        assertTrue(Long.parseLong(browser.findElement(By.cssSelector("#chart-roles rect[data-series='DUPLICATE']"))
                .getAttribute("data-value")) >= thisHour);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#chart-latency rect[data-series='p99']")));
        screenshot("05-charts");

        browser.findElement(By.id("nav-dead-letters")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("dead-letters")));
        assertTrue(browser.findElements(By.cssSelector("#dead-letters button")).isEmpty(),
                "support sees dead letters but has no replay or discard");
        screenshot("06-dead-letters-as-support");
    }

    /**
     * The walk end to end: the README's race (one order paid on both channels at once) as
     * a portal client with a webhook endpoint. The portal's receiver gets the three events with
     * verified signatures; the console shows the order with both captures, the refund and the
     * webhooks sent; an admin runs both channels' reconciliation from the console and every line of
     * this order is matched.
     */
    @Test
    void theRaceWalkthroughReachesThePortalsWebhooks_showsInTheConsole_andEachChannelsReconciliationMatchesIt()
            throws Exception {
        String clientId = "scb-" + UUID.randomUUID().toString().substring(0, 8);
        String portal = Api.portalToken(clientId);
        String hook = "/hooks/" + clientId;
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            String url = receiver.route(hook, List.of(), attempt -> WebhookReceiver.Answer.OK);
            HttpResponse<String> registered = Api.post("/api/v1/webhooks/endpoints", "{\"url\":\"" + url
                    + "\",\"eventTypes\":[\"OrderPaid\",\"DuplicatePaymentRefunding\",\"RefundSucceeded\"]}", portal);
            assertEquals(201, registered.statusCode(), registered.body());
            receiver.route(hook, List.of(Api.json(registered.body()).getString("secret")),
                    attempt -> WebhookReceiver.Answer.OK);

            Orders.Opened order = Orders.openAs(portal, run() + "3", 2500, null, "WECHAT_PAY", "ALIPAY");
            SupportConsoleApiIT.payBothAtOnce(order);
            Orders.awaitRefund(order.orderId(), "DUPLICATE_PAYMENT", "SUCCEEDED", 60_000);
            Orders.awaitSettled(order.orderId(), "PAID", 30_000);
            String duplicateTrade = OrderDatabase.text("select a.out_trade_no from capture c join payment_attempt a"
                    + " on a.id = c.attempt_id where c.order_id = ?::uuid and c.role = 'DUPLICATE'", order.orderId());

            // The portal's receiver: each event once by its webhook-id, every request's signature verified.
            Map<String, JsonObject> events = awaitEvents(receiver, hook, 3);
            assertEquals(Set.of("OrderPaid", "DuplicatePaymentRefunding", "RefundSucceeded"), events.keySet());
            assertTrue(receiver.received(hook).stream().allMatch(WebhookReceiver.Received::verified),
                    "every signature verified");
            JsonObject duplicate = events.get("DuplicatePaymentRefunding");
            assertEquals(order.orderId(), duplicate.getString("orderId"));
            assertTrue(duplicate.getString("payerMessage").startsWith("You paid twice; 25.00 CNY goes back to your "),
                    duplicate.toString());
            assertEquals(duplicate.getString("outRefundNo"), events.get("RefundSucceeded").getString("outRefundNo"));

            // The console: the order with its two captures, the refund and the three webhooks delivered.
            signIn("li.wei", "admin");
            browser.findElement(By.id("number")).sendKeys(order.merchantOrderNo());
            browser.findElement(By.id("find")).click();
            wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#matches a.order-link"))).click();
            wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#captures tbody tr"), 2));
            wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#webhooks tbody tr[data-status='DELIVERED']"), 3));
            assertEquals("SUCCEEDED", browser.findElement(By.cssSelector("#refunds tbody tr")).getAttribute("data-status"));
            assertTrue(browser.findElement(By.id("webhooks")).getText().contains("DuplicatePaymentRefunding"));
            assertTrue(browser.findElement(By.id("order-summary")).getText().contains("Keeps 25.00 CNY"),
                    browser.findElement(By.id("order-summary")).getText());
            screenshot("07-walkthrough-order-with-webhooks");

            // Reconciliation of today's statements (the channels' day is Beijing's), run by the admin.
            String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
            for (String channel : List.of("WECHAT_PAY", "ALIPAY")) {
                String trade = order.trade(channel.equals("WECHAT_PAY") ? 0 : 1);
                browser.get(Api.uri("/console/#reconciliation/" + channel + "/" + today).toString());
                wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("reconciliation-run"))).click();
                By payment = By.cssSelector("#reconciliation-lines tr[data-kind='PAYMENT'][data-out-trade-no='" + trade + "']");
                wait.until(ExpectedConditions.presenceOfElementLocated(payment));
                assertEquals("DONE", browser.findElement(By.id("reconciliation-summary")).getAttribute("data-status"),
                        browser.findElement(By.id("reconciliation-summary")).getText());
                assertEquals("MATCHED", browser.findElement(payment).getAttribute("data-outcome"),
                        browser.findElement(payment).getText());
                List<WebElement> refunds = browser.findElements(By.cssSelector(
                        "#reconciliation-lines tr[data-kind='REFUND'][data-out-trade-no='" + trade + "']"));
                if (trade.equals(duplicateTrade)) {
                    assertEquals(1, refunds.size(), "the duplicate's refund is on " + channel + "'s statement");
                    assertEquals("MATCHED", refunds.get(0).getAttribute("data-outcome"), refunds.get(0).getText());
                    assertTrue(refunds.get(0).getText().contains(duplicate.getString("outRefundNo")), refunds.get(0).getText());
                } else {
                    assertEquals(0, refunds.size(), "the primary payment was not refunded");
                }
                screenshot("08-reconciliation-" + channel);
            }
            assertEquals(2500, Orders.kept(order.orderId()));
        }
    }

    /** The events the receiver kept (one per webhook-id), by type, once {@code count} have arrived. */
    private static Map<String, JsonObject> awaitEvents(WebhookReceiver receiver, String hook, int count) throws Exception {
        long deadline = System.currentTimeMillis() + WAIT.toMillis() * 2;
        Map<String, JsonObject> events = Map.of();
        while (System.currentTimeMillis() < deadline) {
            events = receiver.received(hook).stream().filter(WebhookReceiver.Received::verified)
                    .collect(Collectors.toMap(WebhookReceiver.Received::id, r -> Api.json(r.body()), (a, b) -> a))
                    .values().stream().collect(Collectors.toMap(e -> e.getString("type"), e -> e.getJsonObject("data")));
            if (events.size() >= count) return events;
            Thread.sleep(200);
        }
        throw new AssertionError("the receiver got " + events.keySet() + ", not " + count + " events");
    }

    private void signIn(String name, String role) throws Exception {
        browser.get(Api.uri("/console/").toString());
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("token")));
        screenshot("01-sign-in");
        browser.findElement(By.id("token")).sendKeys(Api.tokens().staff(name, role, Duration.ofMinutes(10)));
        browser.findElement(By.id("sign-in")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("signed-in-as"), name));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("number")));
    }

    private String timeline() {
        return browser.findElement(By.id("timeline")).getText();
    }

    private void screenshot(String name) throws Exception {
        File shot = ((ChromeDriver) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(testName + "-" + name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
