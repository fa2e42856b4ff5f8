package sa.civilaffairs.cc.console;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import redis.clients.jedis.UnifiedJedis;
import sa.civilaffairs.cc.chat.ChatInbox;
import sa.civilaffairs.cc.chat.ChatMessage;
import sa.civilaffairs.cc.chat.redis.RedisChatInbox;
import sa.civilaffairs.cc.identity.Mobile;
import sa.civilaffairs.cc.text.Language;
import sa.civilaffairs.cc.console.ami.AmiSettings;
import sa.civilaffairs.cc.console.ami.LiveConfigFiles;
import sa.civilaffairs.cc.console.ami.LiveFeed;
import sa.civilaffairs.cc.console.amidouble.AmiDouble;
import sa.civilaffairs.cc.console.amidouble.DemoLoop;
import sa.civilaffairs.cc.console.config.ConsoleConfig;
import sa.civilaffairs.cc.redis.RedisSettings;
import sa.civilaffairs.cc.registry.CivilRegistry;

/**
 * Dev mode for the live console: the console (demo accounts) wired to an AMI double on a free port that plays a
 * {@link DemoLoop} — a queue call every {@code callEvery}, ringing agent1, agent2, agent3 in turn, with IVR findings
 * of people from {@code config/registry/demo-people.json} — so a newcomer signed in as agent1 sees pops arrive on
 * {@code /calls} and supervisor1 sees the dashboard move; and a citizen writes to the SMS chat every
 * {@code 3 × callEvery} (demo numbers 966500000101…106), so {@code /chat} has conversations to take.
 *
 * <pre>{@code
 * LiveDevMode live = LiveDevMode.start(Path.of("config"), redis.settings(), registry, Duration.ofSeconds(15));
 * System.out.println("console http://127.0.0.1:" + live.port() + "/calls");
 * live.demoAccounts().forEach(System.out::println);
 * ...
 * live.close();
 * }</pre>
 */
public final class LiveDevMode implements AutoCloseable {
    private final AmiDouble pbx;
    private final DemoLoop demo;
    private final LiveFeed feed;
    private final ConsoleServer console;
    private final int port;
    private final UnifiedJedis chatRedis;
    private final ScheduledExecutorService chatTimer;

    private LiveDevMode(AmiDouble pbx, DemoLoop demo, LiveFeed feed, ConsoleServer console, int port,
                        UnifiedJedis chatRedis) {
        this.pbx = pbx;
        this.demo = demo;
        this.feed = feed;
        this.console = console;
        this.port = port;
        this.chatRedis = chatRedis;
        this.chatTimer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "live-demo-chat");
            t.setDaemon(true);
            return t;
        });
    }

    /** A citizen writes to the chat every {@code every} (as the dialog engine would append it after CHAT). */
    private void demoChat(Duration every) {
        RedisChatInbox inbox = new RedisChatInbox(chatRedis);
        List<String> lines = List.of("محادثة", "أريد تجديد الهوية، ما المطلوب؟", "هل يمكن تغيير موعدي؟");
        java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();
        chatTimer.scheduleWithFixedDelay(() -> {
            int i = n.getAndIncrement();
            Mobile citizen = new Mobile("9665000001" + String.format("%02d", 1 + (i / lines.size()) % 6));
            try {
                inbox.append(new ChatMessage(ChatInbox.conversationOf(citizen), citizen, ChatMessage.Direction.IN,
                        lines.get(i % lines.size()), Language.AR, "", Instant.now()));
            } catch (RuntimeException e) {
                // dev mode only: Redis stopping first is fine
            }
        }, 3, every.toSeconds(), TimeUnit.SECONDS);
    }

    /**
     * Starts it all; the console's HTTP port comes from {@code config/console.yaml} ({@code CONSOLE_HTTP_PORT} may
     * override it, 0 for any free port). Blocks until the console listens.
     */
    public static LiveDevMode start(Path configDir, RedisSettings redis, CivilRegistry registry, Duration callEvery) {
        return start(new ConsoleServer(), configDir, redis, registry, callEvery);
    }

    /**
     * As {@link #start(Path, RedisSettings, CivilRegistry, Duration)}, with a console the caller prepared and has not
     * started — e.g. with {@code CaseFeatures.onRedis(…).installInto(server)}, so one console has the case screens and
     * the live pops. This wires the AMI double's feed into it ({@code live(feed)}), starts it, and closes it on
     * {@link #close()} (or at once if starting fails).
     */
    public static LiveDevMode start(ConsoleServer prepared, Path configDir, RedisSettings redis,
                                    CivilRegistry registry, Duration callEvery) {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("CONSOLE_DEV_MODE", "true");
        AmiDouble pbx = AmiDouble.start(); // the captured account ivrtest/ivrtest, queue civil-affairs-ar
        LiveFeed feed = null;
        ConsoleServer console = null;
        DemoLoop demo = null;
        try {
            AmiSettings fromFile = LiveConfigFiles.ami(configDir.resolve("console.yaml"), Map.of());
            AmiSettings settings = AmiSettings.of(pbx.host(), pbx.port(), "ivrtest", "ivrtest")
                    .withBackoff(fromFile.backoffMin(), fromFile.backoffMax());
            feed = LiveFeed.start(settings, LiveConfigFiles.agents(configDir.resolve("agents.yaml")),
                    Clock.systemUTC(), ZoneId.of("Asia/Riyadh"));
            console = prepared.live(feed);
            int port = console.start(ConsoleConfig.load(configDir.resolve("console.yaml"), env), redis, registry);
            demo = DemoLoop.start(pbx, callEvery);
            LiveDevMode live = new LiveDevMode(pbx, demo, feed, console, port, redis.connect());
            live.demoChat(callEvery.multipliedBy(3));
            return live;
        } catch (RuntimeException e) {
            prepared.close();
            if (feed != null) {
                feed.close();
            }
            pbx.close();
            throw e;
        }
    }

    public int port() {
        return port;
    }

    /** The AMI double's port (to watch the AMI side with telnet). */
    public int amiPort() {
        return pbx.port();
    }

    public List<String> demoAccounts() {
        return console.demoAccounts();
    }

    @Override
    public void close() {
        chatTimer.shutdownNow();
        chatRedis.close();
        demo.close();
        console.close();
        feed.close();
        pbx.close();
    }
}
