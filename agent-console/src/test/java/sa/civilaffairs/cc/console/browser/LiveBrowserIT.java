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
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
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
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.resps.StreamEntry;
import sa.civilaffairs.cc.chat.ChatInbox;
import sa.civilaffairs.cc.chat.ChatMessage;
import sa.civilaffairs.cc.chat.redis.RedisChatInbox;
import sa.civilaffairs.cc.console.ami.AmiSettings;
import sa.civilaffairs.cc.console.ami.LiveConfigFiles;
import sa.civilaffairs.cc.console.ami.LiveFeed;
import sa.civilaffairs.cc.console.amidouble.AmiDouble;
import sa.civilaffairs.cc.console.amidouble.Replay;
import sa.civilaffairs.cc.console.amidouble.Scenario;
import sa.civilaffairs.cc.console.support.ConsoleHarness;
import sa.civilaffairs.cc.console.support.People;
import sa.civilaffairs.cc.console.support.SmscGateway;
import sa.civilaffairs.cc.identity.Mobile;
import sa.civilaffairs.cc.outbox.Lane;
import sa.civilaffairs.cc.outbox.OutboundSms;
import sa.civilaffairs.cc.outbox.redis.OutboxStreams;
import sa.civilaffairs.cc.smpp.SmsGateway;
import sa.civilaffairs.cc.smsc.SmscSimulator;
import sa.civilaffairs.cc.smsc.Submitted;
import sa.civilaffairs.cc.testkit.RedisExtension;
import sa.civilaffairs.cc.testkit.RedisHandle;
import sa.civilaffairs.cc.text.Language;

/**
 * The live console in headless Chromium, fed by the AMI double over TCP: an agent sees the pop appear and continues
 * the booking, a supervisor sees the waiting-call count change, an agent answers an SMS chat and the reply lands in
 * the outbox and, through the SMS gateway, at the SMSC simulator as a submit_sm. Screenshots in
 * {@code agent-console/target/screenshots/}.
 */
@ExtendWith({VertxExtension.class, RedisExtension.class})
class LiveBrowserIT {
    private AmiDouble pbx;
    private LiveFeed feed;
    private ConsoleHarness console;
    private RedisHandle redis;
    private ChromeDriver browser;
    private WebDriverWait wait;
    private Path profile;
    private SmscSimulator sim;
    private SmsGateway gateway;

    @BeforeEach
    void start(Vertx vertx, RedisHandle redis) throws IOException {
        this.redis = redis;
        pbx = AmiDouble.start();
        feed = LiveFeed.start(AmiSettings.of(pbx.host(), pbx.port(), "ivrtest", "ivrtest")
                        .withBackoff(Duration.ofMillis(100), Duration.ofMillis(400)),
                LiveConfigFiles.agents(Path.of("../config/agents.yaml")), Clock.systemUTC(), ZoneId.of("Asia/Riyadh"));
        console = ConsoleHarness.start(vertx, redis, ConsoleHarness.testEnv(), server -> server.live(feed));
        profile = Files.createTempDirectory("cc-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-quic", "--no-first-run", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--disable-smooth-scrolling", "--window-size=1280,1000", "--lang=ar", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        Files.createDirectories(ConsoleBrowserIT.SCREENSHOTS);
    }

    @AfterEach
    void stop() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (gateway != null) {
            gateway.close();
        }
        if (sim != null) {
            sim.close();
        }
        console.close();
        feed.close();
        pbx.close();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        }
    }

    @Test
    void anAgentSeesThePopAppearAndContinuesTheBooking() throws IOException {
        signInTo("agent1", "/calls");
        wait.until(ExpectedConditions.attributeToBe(By.id("live-link"), "data-state", "connected"));
        wait.until(ExpectedConditions.attributeToBe(By.id("agent-state"), "data-state", "READY"));

        Replay replay = pbx.replay(Scenario.QUEUE_ANSWERED);
        replay.playThrough("AgentRingNoAnswer");
        replay.playThrough("AgentCalled"); // agent1 rings
        WebElement pop = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".pop-card")));
        wait.until(ExpectedConditions.attributeToBe(By.id("agent-state"), "data-state", "RINGING"));
        assertEquals("0501234567", pop.findElement(By.cssSelector("[data-slot=callerNumber]")).getText());
        assertEquals(People.ELDER, pop.findElement(By.cssSelector("[data-slot=nationalId]")).getText());
        assertEquals("حجز موعد", pop.findElement(By.cssSelector("[data-slot=intent]")).getText());
        assertEquals("1>1>3", pop.findElement(By.cssSelector("[data-slot=trail]")).getText());
        wait.until(ExpectedConditions.textToBePresentInElement(pop.findElement(By.cssSelector("[data-slot=person]")),
                "عبدالله الحربي"));
        shoot("live-pop-ar.png");

        pop.findElement(By.cssSelector("[data-action=continue-booking]")).click();
        wait.until(ExpectedConditions.urlContains("/appointments?"));
        String url = browser.getCurrentUrl();
        assertTrue(url.contains("nid=" + People.ELDER) && url.contains("service=3") && url.contains("intent=book"), url);

        // The booking page reads what the IVR learnt: the caller's ID, the service chosen in the IVR's booking menu
        // (digit 3 = the third service) and the caller's language for the confirmation SMS; the agent goes on from
        // the region.
        wait.until(ExpectedConditions.attributeToBe(By.id("booking-form"), "data-ready", "true"));
        assertEquals(People.ELDER, browser.findElement(By.id("nationalId")).getDomProperty("value"));
        assertEquals("ID_REPLACEMENT", new Select(browser.findElement(By.id("service"))).getFirstSelectedOption()
                .getDomAttribute("value"));
        assertEquals("ar", new Select(browser.findElement(By.id("smsLanguage"))).getFirstSelectedOption()
                .getDomAttribute("value"));
        assertEquals("region", browser.switchTo().activeElement().getDomAttribute("id"));
        for (String level : List.of("region", "office", "section", "date", "time")) {
            chooseFirst(level);
        }
        browser.findElement(By.id("book-submit")).click();
        WebElement booked = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("booked")));
        String reference = booked.getDomAttribute("data-reference");
        assertTrue(reference != null && reference.matches("1[0-9]{8}"), booked.getText());
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("appointment-list"), reference));
        assertTrue(browser.findElement(By.id("appointment-list")).getText().contains("بدل فاقد أو تالف للهوية"),
                "booked the service the caller chose in the IVR");
        shoot("live-pop-booked-ar.png");
    }

    /** Waits for the level's choices to load, then picks the first real option. */
    private void chooseFirst(String level) {
        wait.until(d -> {
            WebElement e = d.findElement(By.id(level));
            return e.isEnabled() && new Select(e).getOptions().size() > 1;
        });
        new Select(browser.findElement(By.id(level))).selectByIndex(1);
    }

    @Test
    void aSupervisorSeesTheWaitingCallCountChange() throws IOException {
        signInTo("supervisor1", "/dashboard");
        wait.until(ExpectedConditions.attributeToBe(By.id("ami-health"), "data-state", "CONNECTED"));
        wait.until(ExpectedConditions.textToBe(By.id("waiting-count"), "0"));

        Replay replay = pbx.replay(Scenario.QUEUE_ABANDONED);
        replay.playThrough("QueueCallerJoin");
        wait.until(ExpectedConditions.textToBe(By.id("waiting-count"), "1"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("agents"), "متوقف مؤقتًا"));
        assertEquals(Boolean.TRUE, browser.executeScript("return typeof window.Chart === 'function'"),
                "Chart.js loaded from its WebJar");
        shoot("live-dashboard-ar.png");

        replay.playThrough("QueueCallerAbandon");
        wait.until(ExpectedConditions.textToBe(By.id("waiting-count"), "0"));
        wait.until(ExpectedConditions.textToBe(By.id("abandoned-today"), "1"));
    }

    @Test
    void anAgentAnswersAnSmsChatAndTheReplyReachesTheSmppPeer() throws IOException {
        // The SMS gateway on the same Redis, bound to the SMSC simulator: the reply goes out as a submit_sm.
        sim = SmscSimulator.builder().start();
        gateway = SmsGateway.start(SmscGateway.config(sim), redis.settings());
        signInTo("agent1", "/chat");
        wait.until(ExpectedConditions.attributeToBe(By.id("live-link"), "data-state", "connected"));
        Mobile citizen = Mobile.parse("0551234567");
        citizenSays(redis, citizen, "محادثة");

        WebElement item = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".conversation-item")));
        wait.until(ExpectedConditions.textToBePresentInElement(item, "4567"));
        item.click();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("conv-claim"))).click();
        WebElement text = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("reply-text")));
        text.sendKeys("مرحبا، كيف أخدمك؟");
        browser.findElement(By.id("reply-send")).click();
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector(".chat-message[data-direction=TO_CITIZEN]"), 1));

        List<StreamEntry> out = redis.client().xrange(OutboxStreams.key(Lane.REPLY), (StreamEntryID) null,
                (StreamEntryID) null);
        assertEquals(1, out.size());
        OutboundSms sms = OutboundSms.fromFields(out.get(0).getFields());
        assertEquals(citizen, sms.to());
        assertEquals("مرحبا، كيف أخدمك؟", sms.text());
        assertTrue(sim.awaitSubmitted(1, Duration.ofSeconds(20)), "a submit_sm reached the SMSC");
        Submitted submitted = sim.submitted().get(0);
        assertEquals(citizen.e164(), submitted.to());
        assertEquals("مرحبا، كيف أخدمك؟", submitted.text());

        citizenSays(redis, citizen, "أريد موعدا");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "أريد موعدا"));
        shoot("live-chat-ar.png");
    }

    private void signInTo(String account, String path) {
        browser.get(console.baseUrl() + "/sign-in");
        WebElement username = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        username.sendKeys(account);
        browser.findElement(By.id("password")).sendKeys(account + "-demo-pass", Keys.ENTER);
        wait.until(ExpectedConditions.urlToBe(console.baseUrl() + "/"));
        browser.get(console.baseUrl() + path);
    }

    private void shoot(String name) throws IOException {
        File png = browser.getScreenshotAs(OutputType.FILE);
        Files.copy(png.toPath(), ConsoleBrowserIT.SCREENSHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }

    /** What the dialog engine does with a citizen's SMS after CHAT: append it to the core chat inbox stream. */
    private static void citizenSays(RedisHandle redis, Mobile citizen, String text) {
        new RedisChatInbox(redis.client()).append(new ChatMessage(ChatInbox.conversationOf(citizen), citizen,
                ChatMessage.Direction.IN, text, Language.AR, "", Instant.now()));
    }
}
