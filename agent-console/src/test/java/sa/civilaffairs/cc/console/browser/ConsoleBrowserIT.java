package sa.civilaffairs.cc.console.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import sa.civilaffairs.cc.console.support.ConsoleHarness;
import sa.civilaffairs.cc.console.support.People;
import sa.civilaffairs.cc.testkit.RedisExtension;
import sa.civilaffairs.cc.testkit.RedisHandle;

/**
 * The console in headless Chromium (Debian's chromium and chromedriver, no browser download): an agent signs in and
 * looks a caller up with the keyboard, a supervisor finds the view in the audit log, and switches to English.
 * Screenshots go to {@code agent-console/target/screenshots/}.
 */
@ExtendWith({VertxExtension.class, RedisExtension.class})
class ConsoleBrowserIT {
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private ConsoleHarness console;
    private ChromeDriver browser;
    private WebDriverWait wait;
    private Path profile;

    @BeforeEach
    void start(Vertx vertx, RedisHandle redis) throws IOException {
        console = ConsoleHarness.start(vertx, redis);
        profile = Files.createTempDirectory("cc-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-quic", "--no-first-run", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--disable-smooth-scrolling", "--window-size=1280,900", "--lang=ar", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(15));
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterEach
    void stop() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        console.close();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        }
    }

    @Test
    void anAgentLooksUpACallerAndASupervisorSeesItInTheAuditLogThenSwitchesToEnglish() throws IOException {
        browser.get(console.baseUrl() + "/");
        wait.until(ExpectedConditions.urlToBe(console.baseUrl() + "/sign-in"));
        assertEquals("ar", html().getDomAttribute("lang"));
        assertEquals("rtl", html().getDomAttribute("dir"));

        signIn("agent1");
        wait.until(ExpectedConditions.urlToBe(console.baseUrl() + "/"));

        // The lookup box has the focus; a bad number gets its message next to the field.
        WebElement query = browser.switchTo().activeElement();
        assertEquals("query", query.getDomAttribute("id"));
        query.sendKeys("12345", Keys.ENTER);
        WebElement error = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("query-error")));
        assertTrue(error.getText().contains("رقم الهوية"), error.getText());

        // Escape clears, "/" comes back to the box, Enter looks up.
        query.sendKeys(Keys.ESCAPE);
        browser.findElement(By.tagName("body")).sendKeys("/");
        browser.switchTo().activeElement().sendKeys(People.ELDER, Keys.ENTER);
        WebElement card = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".person-card")));
        assertTrue(card.getText().contains("عبدالله الحربي"), card.getText());
        WebElement mobile = card.findElement(By.cssSelector("[data-slot=mobile]"));
        assertEquals("********0001", mobile.getText());
        assertTrue(card.getText().contains("لا توجد مواعيد أو طلبات"), "history connected, empty");
        shoot("lookup-ar-masked.png");
        card.findElement(By.cssSelector("[data-action=reveal]")).click();
        wait.until(ExpectedConditions.textToBePresentInElement(mobile, "0500000001"));
        shoot("lookup-ar.png");

        // The Arabic layout is right to left: the card's heading starts at the right edge.
        long cardRight = card.getRect().getX() + card.getRect().getWidth();
        WebElement name = card.findElement(By.cssSelector("[data-slot=name]"));
        long nameRight = name.getRect().getX() + name.getRect().getWidth();
        assertTrue(cardRight - nameRight < 40, "name at the right edge: card " + cardRight + ", name " + nameRight);

        browser.findElement(By.id("sign-out")).click();
        wait.until(ExpectedConditions.urlToBe(console.baseUrl() + "/sign-in"));

        signIn("supervisor1");
        wait.until(ExpectedConditions.urlToBe(console.baseUrl() + "/"));
        browser.findElement(By.cssSelector("a[href='/audit']")).click();
        wait.until(ExpectedConditions.urlToBe(console.baseUrl() + "/audit"));
        WebElement nationalId = browser.findElement(By.id("nationalId"));
        nationalId.sendKeys(People.ELDER, Keys.ENTER);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("audit-rows"), "agent1"));
        String rows = browser.findElement(By.id("audit-rows")).getText();
        assertTrue(rows.contains("اطلاع على بيانات شخص"), rows);
        assertTrue(rows.contains("إظهار رقم جوال"), rows);
        assertTrue(rows.contains(People.ELDER), rows);
        shoot("audit-ar.png");

        browser.findElement(By.id("switch-language")).click();
        wait.until(ExpectedConditions.attributeToBe(By.tagName("html"), "lang", "en"));
        assertEquals("ltr", html().getDomAttribute("dir"));
        assertTrue(browser.findElement(By.tagName("h1")).getText().contains("Audit log"));
        assertTrue(browser.findElements(By.cssSelector("link[href$='bootstrap.min.css']")).size() == 1);
        nationalId = browser.findElement(By.id("nationalId"));
        nationalId.sendKeys(People.ELDER, Keys.ENTER);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("audit-rows"), "Viewed a person"));
        shoot("audit-en.png");
    }

    @Test
    void anAgentBooksAnAppointmentAndSchedulesATaqdeerVisitThenTheSupervisorSeesThemAudited() throws IOException {
        browser.get(console.baseUrl() + "/sign-in");
        signIn("agent1");
        wait.until(ExpectedConditions.urlToBe(console.baseUrl() + "/"));
        browser.switchTo().activeElement().sendKeys(People.ELDER, Keys.ENTER);
        WebElement card = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".person-card")));

        // "Book an appointment" on the card carries the caller's ID over (not in the URL); then service → region →
        // office → section → day → time from live availability.
        card.findElement(By.cssSelector("[data-action=book]")).click();
        wait.until(ExpectedConditions.urlToBe(console.baseUrl() + "/appointments"));
        assertEquals(People.ELDER, browser.findElement(By.id("nationalId")).getDomProperty("value"));
        for (String level : java.util.List.of("service", "region", "office", "section", "date", "time")) {
            choose(level, level.equals("service") ? "ID_RENEWAL" : null);
        }
        shoot("booking-ar.png");
        browser.findElement(By.id("book-submit")).click();
        WebElement booked = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("booked")));
        String reference = booked.getDomAttribute("data-reference");
        assertTrue(reference != null && reference.matches("1[0-9]{8}"), booked.getText());
        assertTrue(booked.getText().contains("تم الحجز") && booked.getText().contains(reference), booked.getText());
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("appointment-list"), reference));
        shoot("booking-ar-booked.png");

        // A later call about that appointment: the pop's link carries the reference the caller gave in the IVR, and
        // the page opens on its reschedule; the agent picks a new time and the appointment keeps its reference.
        browser.get(console.baseUrl() + "/appointments?nid=" + People.ELDER + "&ref=" + reference
                + "&intent=appointments&callerLanguage=ar");
        wait.until(ExpectedConditions.attributeToBe(By.id("booking-form"), "data-ready", "true"));
        assertEquals("reschedule", browser.findElement(By.id("booking-form")).getDomAttribute("data-prefilled"));
        assertTrue(browser.findElement(By.id("mode-note")).getText().contains(reference));
        assertEquals("نقل الموعد", browser.findElement(By.id("book-submit")).getText());
        for (String level : java.util.List.of("region", "office", "section", "date")) {
            choose(level, null);
        }
        choose("time", null);
        Select times = new Select(browser.findElement(By.id("time")));
        times.selectByIndex(times.getOptions().size() - 1);
        browser.findElement(By.id("book-submit")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("booked"), "تم تعديل الموعد"));
        assertEquals(reference, browser.findElement(By.id("booked")).getDomAttribute("data-reference"));
        assertEquals("احجز", browser.findElement(By.id("book-submit")).getText(), "back to booking once moved");

        // Taqdeer: eligibility from the registry, filed on the requester's behalf, then contacted and scheduled.
        browser.findElement(By.cssSelector("a[href='/visits']")).click();
        wait.until(ExpectedConditions.urlToBe(console.baseUrl() + "/visits"));
        browser.findElement(By.id("beneficiary")).sendKeys(People.ELDER_TWO);
        browser.findElement(By.id("assess")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("eligibility"), "مؤهل"));
        browser.findElement(By.id("requester")).sendKeys(People.RESIDENT);
        browser.findElement(By.id("contact")).sendKeys("0500000002");
        wait.until(d -> new Select(d.findElement(By.id("region"))).getOptions().size() > 1);
        new Select(browser.findElement(By.id("region"))).selectByValue("RIYADH");
        browser.findElement(By.id("city")).sendKeys("الرياض");
        browser.findElement(By.id("address")).sendKeys("حي العليا، شارع الملك فهد");
        browser.findElement(By.id("visit-submit")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("filed")));
        WebElement heading = browser.findElement(By.id("detail-heading"));
        wait.until(ExpectedConditions.attributeToBe(heading, "data-status", "SUBMITTED"));
        new Select(browser.findElement(By.id("s-status"))).selectByValue("CONTACTED");
        press("step-submit");
        wait.until(ExpectedConditions.attributeToBe(heading, "data-status", "CONTACTED"));
        new Select(browser.findElement(By.id("s-status"))).selectByValue("SCHEDULED");
        setValue("s-date", java.time.LocalDate.now().plusDays(3).toString());
        setValue("s-from", "09:00");
        setValue("s-to", "12:00");
        browser.findElement(By.id("s-team")).sendKeys("فريق الرياض 2");
        press("step-submit");
        wait.until(ExpectedConditions.attributeToBe(heading, "data-status", "SCHEDULED"));
        assertTrue(browser.findElement(By.id("detail-steps")).getText().contains("agent1"));
        shoot("visit-ar-scheduled.png");

        // The page is scrolled down to the request (Bootstrap scrolls smoothly): press the header's button directly.
        browser.executeScript("arguments[0].click();", browser.findElement(By.id("sign-out")));
        wait.until(ExpectedConditions.urlToBe(console.baseUrl() + "/sign-in"));
        signIn("supervisor1");
        wait.until(ExpectedConditions.urlToBe(console.baseUrl() + "/"));
        browser.get(console.baseUrl() + "/audit");
        browser.findElement(By.id("nationalId")).sendKeys(People.ELDER, Keys.ENTER);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("audit-rows"), "حجز موعد"));
        browser.findElement(By.id("nationalId")).clear();
        browser.findElement(By.id("nationalId")).sendKeys(People.ELDER_TWO, Keys.ENTER);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("audit-rows"), "تحديث طلب تقدير"));
        browser.findElement(By.id("switch-language")).click();
        wait.until(ExpectedConditions.attributeToBe(By.tagName("html"), "lang", "en"));
        browser.findElement(By.id("nationalId")).sendKeys(People.ELDER_TWO, Keys.ENTER);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("audit-rows"), "Moved a Taqdeer request"));
        shoot("audit-en-visit.png");
    }

    /** Waits for the level's choices to load, then picks {@code value} or the first real option. */
    private void choose(String level, String value) {
        wait.until(d -> {
            WebElement e = d.findElement(By.id(level));
            return e.isEnabled() && new Select(e).getOptions().size() > 1;
        });
        Select select = new Select(browser.findElement(By.id(level)));
        if (value != null) {
            select.selectByValue(value);
        } else {
            select.selectByIndex(1);
        }
    }

    private void setValue(String id, String value) {
        browser.executeScript("arguments[0].value = arguments[1];", browser.findElement(By.id(id)), value);
    }

    private void signIn(String account) {
        WebElement username = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        username.sendKeys(account);
        browser.findElement(By.id("password")).sendKeys(account + "-demo-pass", Keys.ENTER);
    }

    private WebElement html() {
        return browser.findElement(By.tagName("html"));
    }

    private void shoot(String name) throws IOException {
        File png = browser.getScreenshotAs(OutputType.FILE);
        Files.copy(png.toPath(), SCREENSHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }

    /** Clicks a button once it is in view and clickable: Bootstrap's smooth scrolling may still be moving the page. */
    private void press(String id) {
        WebElement button = wait.until(ExpectedConditions.elementToBeClickable(By.id(id)));
        browser.executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", button);
        wait.until(d -> {
            try {
                d.findElement(By.id(id)).click();
                return true;
            } catch (org.openqa.selenium.ElementClickInterceptedException covered) {
                return false;
            }
        });
    }
}
