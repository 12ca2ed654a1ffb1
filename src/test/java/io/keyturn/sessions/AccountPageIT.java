package io.keyturn.sessions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keyturn.testing.CountingProxy;
import io.keyturn.testing.Http;
import io.keyturn.testing.SecondInstance;
import io.keyturn.testing.TestDatabase;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The browser module (/keyturn.js) and the account page (/account/) in a real Chromium (Debian's chromium and
 * chromium-driver, driven by Selenium): tabs of one browser share one refresh, a sign-in and a sign-out; a session
 * revoked by an administrator signs the page out with one refresh request and no loop.
 * <p>
 * It needs a Keyturn with a short access-token lifetime and a refresh cookie without {@code Secure} (the browser
 * talks plain http to 127.0.0.1), so it starts its own (testing.SecondInstance) on the shared test database instead
 * of using an Arquillian deployment. The browser reaches it through a {@link CountingProxy}, which counts every
 * refresh request that reaches the server, failed ones included. Payara H2 pass only (docs/portability.md).
 */
class AccountPageIT {

    private static final String PASSWORD = "correct horse battery";
    private static final int ACCESS_TOKEN_SECONDS = 3;
    private static final String REFRESH = "/api/auth/refresh";
    private static final Path SCREENSHOTS = Path.of(System.getProperty("keyturn.it.reports", "target"))
            .resolveSibling("screenshots");

    private static SecondInstance keyturn;
    private static CountingProxy proxy;
    private static WebDriver browser;

    @BeforeAll
    static void startKeyturnAndChromium() throws Exception {
        keyturn = SecondInstance.start(Map.of(
                "KEYTURN_ACCESS_TOKEN_TTL_SECONDS", String.valueOf(ACCESS_TOKEN_SECONDS),
                "KEYTURN_COOKIE_SECURE", "false"));
        proxy = CountingProxy.to(keyturn.port());

        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=1280,800");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        // the driver Debian installed, never one Selenium Manager would download
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
    }

    @AfterAll
    static void stopAll() {
        if (browser != null) {
            browser.quit();
        }
        if (proxy != null) {
            proxy.close();
        }
        if (keyturn != null) {
            keyturn.stop();
        }
    }

    /** Each test starts with one tab, no refresh cookie and the desktop size. */
    @BeforeEach
    void oneCleanTab() {
        List<String> tabs = new ArrayList<>(browser.getWindowHandles());
        for (int i = 1; i < tabs.size(); i++) {
            browser.switchTo().window(tabs.get(i)).close();
        }
        browser.switchTo().window(tabs.get(0));
        browser.manage().window().setSize(new Dimension(1280, 800));
        // the refresh cookie has Path=/api/auth, which the page's cookie view does not show: clear them all
        ((ChromeDriver) browser).executeCdpCommand("Network.clearBrowserCookies", Map.of());
        browser.get(url("/account/"));
        awaitState("signed-out", Duration.ofSeconds(10));
        browser.manage().logs().get(LogType.BROWSER); // drop what earlier tests logged
    }

    @Test
    void twoTabsCallingWhenTheAccessTokenExpiresMakeOneRefreshAndStaySignedIn() throws Exception {
        String user = registered("tabs");
        String tabA = browser.getWindowHandle();
        signIn(user);
        awaitLoaded();
        String tabB = openTab();
        awaitState("signed-in", Duration.ofSeconds(10));
        awaitLoaded();
        String session = liveSessionOf(user);

        int refreshesBefore = proxy.count("POST", REFRESH);
        long tokensBefore = refreshTokensOf(session);
        // both tabs click "Reload" at the same instant, once the access token both hold has expired
        long at = System.currentTimeMillis() + (ACCESS_TOKEN_SECONDS + 2) * 1000L;
        for (String tab : List.of(tabA, tabB)) {
            browser.switchTo().window(tab);
            js().executeScript("const at = arguments[0];"
                    + "setTimeout(() => document.getElementById('reload').click(), at - Date.now());", at);
        }
        for (String tab : List.of(tabA, tabB)) {
            browser.switchTo().window(tab);
            new WebDriverWait(browser, Duration.ofSeconds(20)).until(driver -> loadedAt() > at);
            assertEquals("signed-in", state(), "neither tab is signed out");
        }
        assertEquals(1, proxy.count("POST", REFRESH) - refreshesBefore,
                "one refresh request reached the server for both tabs (and both calls of each tab)");
        assertEquals(1, refreshTokensOf(session) - tokensBefore, "the session rotated once");
        assertNull(TestDatabase.text("SELECT revoked_at FROM sessions WHERE id = ?", session));
        assertNoConsoleErrors();
    }

    @Test
    void aNewTabIsSignedInWithoutAPasswordAndASignOutReachesItWithinASecond() {
        String user = registered("signout");
        String tabA = browser.getWindowHandle();
        signIn(user);
        String tabB = openTab();
        awaitState("signed-in", Duration.ofSeconds(10));
        assertFalse(browser.findElement(By.id("signed-out")).isDisplayed(), "no login form in tab B");
        assertEquals(user, awaitText("me-username"), "tab B shows who is signed in");

        browser.switchTo().window(tabA);
        browser.findElement(By.id("sign-out")).click();
        browser.switchTo().window(tabB);
        awaitState("signed-out", Duration.ofSeconds(1));
        assertTrue(browser.findElement(By.name("password")).isDisplayed(), "tab B offers the login form");
        assertFalse(browser.findElement(By.id("signed-in")).isDisplayed());
        assertNull(liveSessionOf(user), "the sign-out ended the session on the server");
    }

    @Test
    void aSessionRevokedByAnAdministratorShowsSignedOutAtTheNextCallWithoutARefreshLoop() throws Exception {
        String user = registered("revoked");
        signIn(user);
        awaitLoaded();
        String session = liveSessionOf(user);
        Http admin = keyturn.http();
        assertEquals(204, admin.delete("/api/admin/sessions/" + session).bearer(admin.adminToken()).send().status());

        int refreshesBefore = proxy.count("POST", REFRESH);
        // the access token is stateless: it stays valid until it expires; the refresh after that is refused
        Thread.sleep((ACCESS_TOKEN_SECONDS + 1) * 1000L);
        browser.findElement(By.id("reload")).click();
        awaitState("signed-out", Duration.ofSeconds(10));
        assertTrue(browser.findElement(By.id("notice")).getText().contains("session has ended"),
                browser.findElement(By.id("notice")).getText());
        // a loop would keep refreshing: give it time to show, then count
        Thread.sleep(2_000);
        assertEquals(1, proxy.count("POST", REFRESH) - refreshesBefore,
                "one refused refresh, then nothing (both calls of the reload shared it)");
        assertEquals("signed-out", state());
    }

    @Test
    void theAccountPageAtDesktopAndPhoneWidthWithTheSessionList() throws Exception {
        String user = registered("screens");
        keyturn.http().post("/api/auth/login").header("User-Agent", "Jersey/3.1.9 (HttpUrlConnection 17.0.15)")
                .json("{\"username\":\"" + user + "\",\"password\":\"" + PASSWORD + "\"}").send();
        screenshot("account-signed-out-1280x800");
        signIn(user);
        awaitLoaded();
        List<String> devices = browser.findElements(By.cssSelector("#sessions .session .name")).stream()
                .map(element -> element.getText()).toList();
        // the registration (Java's HTTP client), the Jersey login and this browser
        assertEquals(3, devices.size(), devices.toString());
        assertTrue(devices.contains("Chrome on Linux"), devices.toString());
        assertTrue(devices.contains("Java client"), devices.toString());
        assertEquals(1, browser.findElements(By.cssSelector("#sessions .session.current")).size());
        assertTrue(browser.findElement(By.cssSelector("#sessions .session.current .badge")).isDisplayed());
        screenshot("account-1280x800");
        browser.manage().window().setSize(new Dimension(390, 844));
        screenshot("account-390x844");
        browser.findElement(By.id("sign-out")).click();
        awaitState("signed-out", Duration.ofSeconds(5));
        screenshot("account-signed-out-390x844");
        assertNoConsoleErrors();
    }

    @Test
    void changingThePasswordOnThePageKeepsThisTabAndRevokesEveryOtherSession() {
        String user = registered("password");
        String registration = registrationSession;
        String apiLogin = keyturn.http().login(user, PASSWORD).getString("sessionId");
        signIn(user);
        awaitLoaded();
        awaitSessionRows(3);
        String current = liveSessionOf(user);
        String newPassword = "battery staple horse correct";

        WebElement form = browser.findElement(By.id("password-form"));
        form.findElement(By.name("currentPassword")).sendKeys(PASSWORD);
        form.findElement(By.name("newPassword")).sendKeys(newPassword);
        form.findElement(By.name("confirmPassword")).sendKeys(newPassword);
        form.findElement(By.cssSelector("button[type=submit]")).click();

        WebElement message = browser.findElement(By.id("password-message"));
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(driver -> message.isDisplayed());
        assertEquals("message ok", message.getAttribute("class"), message.getText());
        assertTrue(message.getText().startsWith("Password changed."), message.getText());
        assertEquals("", form.findElement(By.name("currentPassword")).getAttribute("value"), "the form is reset");
        awaitSessionRows(1); // the page reloads the list: only this device is left
        assertEquals(1, browser.findElements(By.cssSelector("#sessions .session.current")).size());
        assertEquals("signed-in", state(), "this tab stays signed in");

        assertNull(revokedAt(current), "this session stays");
        assertNotNull(revokedAt(registration), "the registration's session is revoked");
        assertNotNull(revokedAt(apiLogin), "the other login's session is revoked");
        assertEquals(1, liveSessionsOf(user));

        Http http = keyturn.http();
        assertEquals(401, http.post("/api/auth/login").bodyMode()
                .json("{\"username\":\"" + user + "\",\"password\":\"" + PASSWORD + "\"}").send().status(),
                "the old password no longer logs in");
        assertNotNull(http.login(user, newPassword).getString("accessToken"), "the new password does");
        assertNoConsoleErrors();
    }

    @Test
    void signingOutOneOtherSessionFromTheListRevokesOnlyThatOne() {
        String user = registered("revokeone");
        String registration = registrationSession;
        String other = keyturn.http().login(user, PASSWORD).getString("sessionId");
        signIn(user);
        awaitLoaded();
        awaitSessionRows(3);
        String current = liveSessionOf(user);
        By otherRow = By.cssSelector("#sessions .session[data-session-id='" + other + "']");
        assertTrue(browser.findElements(By.cssSelector(
                "#sessions .session[data-session-id='" + current + "'] .revoke")).isEmpty(),
                "the current session has no sign-out button of its own");

        long loadedBefore = loadedAt();
        browser.findElement(otherRow).findElement(By.className("revoke")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(driver -> driver.findElements(otherRow).isEmpty());
        assertEquals(2, sessionRows(), "the registration's session and this one are left");
        assertEquals("That session is signed out.", awaitText("notice"));

        assertNotNull(revokedAt(other), "the clicked session is revoked");
        assertNull(revokedAt(registration), "the registration's session is not");
        assertNull(revokedAt(current), "this session is not");

        // the current tab stays signed in: a reload still reaches Keyturn with its token
        browser.findElement(By.id("reload")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(driver -> loadedAt() > loadedBefore);
        assertEquals("signed-in", state());
        assertEquals(user, awaitText("me-username"));
        assertEquals(2, sessionRows());
        assertNoConsoleErrors();
    }

    @Test
    void signingOutEverywhereRevokesEverySessionAndShowsTheLoginForm() {
        String user = registered("everywhere");
        keyturn.http().login(user, PASSWORD);
        signIn(user);
        awaitLoaded();
        awaitSessionRows(3);
        assertEquals(3, liveSessionsOf(user));

        browser.findElement(By.id("sign-out-everywhere")).click();
        awaitState("signed-out", Duration.ofSeconds(10));
        assertTrue(browser.findElement(By.name("password")).isDisplayed(), "the login form is shown");
        assertFalse(browser.findElement(By.id("signed-in")).isDisplayed());
        assertEquals(0, liveSessionsOf(user), "every session of the user is revoked");
        assertEquals(3, TestDatabase.number("SELECT COUNT(*) FROM sessions s JOIN users u ON u.id = s.user_id"
                + " WHERE u.username = ? AND s.revoked_at IS NOT NULL", user));

        // and a reload of the page does not bring the session back
        browser.get(url("/account/"));
        awaitState("signed-out", Duration.ofSeconds(10));
        assertTrue(browser.findElement(By.name("password")).isDisplayed());
        assertNoConsoleErrors();
    }

    @Test
    void aWrongCurrentPasswordIsSentOnceAndCountsOneFailure() {
        String user = registered("wrongcurrent");
        signIn(user);
        awaitLoaded();
        String account = "user:" + TestDatabase.text("SELECT id FROM users WHERE username = ?", user);
        int passwordCalls = proxy.count("POST", "/api/auth/password");
        int refreshes = proxy.count("POST", REFRESH);

        WebElement form = browser.findElement(By.id("password-form"));
        form.findElement(By.name("currentPassword")).sendKeys("not the password at all");
        form.findElement(By.name("newPassword")).sendKeys("battery staple horse correct");
        form.findElement(By.name("confirmPassword")).sendKeys("battery staple horse correct");
        form.findElement(By.cssSelector("button[type=submit]")).click();

        WebElement message = browser.findElement(By.id("password-message"));
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(driver -> message.isDisplayed());
        assertEquals("error", message.getAttribute("class"), message.getText());
        // a 401 without a Bearer challenge is about the password, not the token: no refresh, no second try
        assertEquals(passwordCalls + 1, proxy.count("POST", "/api/auth/password"), "the request was sent once");
        assertEquals(refreshes, proxy.count("POST", REFRESH), "no refresh");
        assertEquals(1, TestDatabase.number("SELECT failures FROM throttle_counters WHERE subject = ?", account),
                "one wrong password, one failure against the login limit");
        assertEquals("signed-in", state());
    }

    @Test
    void aSignOutKeyturnDidNotConfirmSaysSoAndTheNextSignOutEndsTheSession() {
        String user = registered("unconfirmed");
        signIn(user);
        awaitLoaded();
        String session = liveSessionOf(user);
        ChromeDriver chromium = (ChromeDriver) browser;
        chromium.executeCdpCommand("Network.enable", Map.of());
        try {
            chromium.executeCdpCommand("Network.setBlockedURLs", Map.of("urls", List.of("*/api/auth/logout")));
            browser.findElement(By.id("sign-out")).click();
            awaitState("signed-out", Duration.ofSeconds(10));
            assertTrue(awaitText("notice").contains("could not be reached"), browser.findElement(By.id("notice"))
                    .getText());
            assertNull(revokedAt(session), "Keyturn never heard of the sign-out: the session lives on");
        } finally {
            chromium.executeCdpCommand("Network.setBlockedURLs", Map.of("urls", List.of()));
            chromium.executeCdpCommand("Network.disable", Map.of());
        }

        browser.get(url("/account/"));
        awaitState("signed-in", Duration.ofSeconds(10)); // as the notice said: the cookie still signs the page in
        browser.findElement(By.id("sign-out")).click();
        awaitState("signed-out", Duration.ofSeconds(10));
        assertEquals("You signed out.", awaitText("notice"));
        assertNotNull(revokedAt(session), "a confirmed sign-out ends the session");
    }

    @Test
    void pagesAndModuleComeWithTheirTypesAStrictPolicyAndRevalidation() {
        Http http = keyturn.http();
        Http.Reply module = http.get("/keyturn.js").send();
        assertEquals(200, module.status());
        assertTrue(module.contentType().startsWith("text/javascript"), module.contentType());
        Http.Reply page = http.get("/account/").send();
        assertEquals(200, page.status());
        assertTrue(page.contentType().startsWith("text/html"), page.contentType());
        assertTrue(http.get("/account/account.css").send().contentType().startsWith("text/css"));
        assertTrue(http.get("/account/account.js").send().contentType().startsWith("text/javascript"));
        for (Http.Reply reply : List.of(module, page)) {
            String policy = reply.header("Content-Security-Policy");
            assertTrue(policy != null && policy.contains("script-src 'self'") && policy.contains("style-src 'self'")
                    && policy.contains("frame-ancestors 'none'") && !policy.contains("unsafe"), policy);
            assertEquals("no-cache", reply.header("Cache-Control"));
            assertEquals("nosniff", reply.header("X-Content-Type-Options"));
        }
        assertFalse(page.body().contains("style="), "no inline style");
        assertFalse(page.body().matches("(?s).*<script(?![^>]*\\bsrc=).*"), "no inline script");
    }

    // --- helpers ---------------------------------------------------------------------------------------------

    private static String url(String path) {
        return "http://127.0.0.1:" + proxy.port() + path;
    }

    private static JavascriptExecutor js() {
        return (JavascriptExecutor) browser;
    }

    /** The session the last {@link #registered} opened (registration signs in, with Java's HTTP client). */
    private static String registrationSession;

    private static String registered(String prefix) {
        String name = Http.uniqueName(prefix);
        registrationSession = keyturn.http().register(name, PASSWORD).getString("sessionId");
        return name;
    }

    private static void signIn(String user) {
        browser.findElement(By.name("username")).sendKeys(user);
        browser.findElement(By.name("password")).sendKeys(PASSWORD);
        browser.findElement(By.cssSelector("#login-form button[type=submit]")).click();
        awaitState("signed-in", Duration.ofSeconds(10));
    }

    private static String openTab() {
        browser.switchTo().newWindow(WindowType.TAB);
        browser.get(url("/account/"));
        return browser.getWindowHandle();
    }

    private static String state() {
        return browser.findElement(By.id("status")).getAttribute("data-state");
    }

    private static void awaitState(String state, Duration within) {
        new WebDriverWait(browser, within).until(driver -> state.equals(state()));
    }

    private static long loadedAt() {
        String at = browser.findElement(By.id("signed-in")).getAttribute("data-loaded-at");
        return at == null ? 0 : Long.parseLong(at);
    }

    private static void awaitLoaded() {
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(driver -> loadedAt() > 0);
    }

    private static String awaitText(String id) {
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(driver -> !driver.findElement(By.id(id)).getText().isEmpty());
        return browser.findElement(By.id(id)).getText();
    }

    private static String liveSessionOf(String username) {
        return TestDatabase.text("SELECT s.id FROM sessions s JOIN users u ON u.id = s.user_id"
                + " WHERE u.username = ? AND s.revoked_at IS NULL AND s.user_agent LIKE '%Chrom%'", username);
    }

    private static long liveSessionsOf(String username) {
        return TestDatabase.number("SELECT COUNT(*) FROM sessions s JOIN users u ON u.id = s.user_id"
                + " WHERE u.username = ? AND s.revoked_at IS NULL", username);
    }

    /** When {@code session} was revoked, null while it is live; it must exist. */
    private static String revokedAt(String session) {
        assertEquals(1, TestDatabase.number("SELECT COUNT(*) FROM sessions WHERE id = ?", session), session);
        return TestDatabase.text("SELECT revoked_at FROM sessions WHERE id = ?", session);
    }

    private static int sessionRows() {
        return browser.findElements(By.cssSelector("#sessions .session")).size();
    }

    private static void awaitSessionRows(int rows) {
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(driver -> sessionRows() == rows);
    }

    private static long refreshTokensOf(String session) {
        return TestDatabase.number("SELECT COUNT(*) FROM refresh_tokens WHERE session_id = ?", session);
    }

    /** No CSP violation, no failed module load, no uncaught error in the current tab's console. */
    private static void assertNoConsoleErrors() {
        List<String> errors = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                // a refused refresh at start (no cookie) is an expected 401 the console reports as a failed load
                .filter(message -> !message.contains(REFRESH))
                .toList();
        assertTrue(errors.isEmpty(), errors.toString());
    }

    private static void screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        File shot = ((ChromeDriver) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
}
