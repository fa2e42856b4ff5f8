package sa.civilaffairs.cc.bench;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import redis.clients.jedis.UnifiedJedis;
import sa.civilaffairs.cc.console.ConsoleServer;
import sa.civilaffairs.cc.console.ami.AmiSettings;
import sa.civilaffairs.cc.console.ami.LiveFeed;
import sa.civilaffairs.cc.console.amidouble.AmiDouble;
import sa.civilaffairs.cc.console.amidouble.SyntheticCalls;
import sa.civilaffairs.cc.console.auth.ConsoleUser;
import sa.civilaffairs.cc.console.auth.Role;
import sa.civilaffairs.cc.console.config.ConsoleConfig;
import sa.civilaffairs.cc.console.live.AgentBinding;
import sa.civilaffairs.cc.console.live.AgentDirectory;
import sa.civilaffairs.cc.console.live.AmiHealth;
import sa.civilaffairs.cc.console.session.redis.RedisSessions;
import sa.civilaffairs.cc.console.web.WebCookies;
import sa.civilaffairs.cc.redis.LocalRedisServer;
import sa.civilaffairs.cc.registry.RegistryAnswer;

/**
 * Screen-pop latency end to end, for {@code agents} browsers connected at once: the AMI double writes AgentCalled
 * over TCP → the console's Asterisk-Java client → live model → Redis (dedupe, agent stream, PUBLISH) → the pop
 * subscriber → the agent's server-sent event stream → a simulated browser (a Vert.x HTTP client per agent, parsing
 * the stream). The latency of a call is from the double's write of its AgentCalled to the moment the agent's client
 * has parsed the {@code pop} event. Then the heap per connected agent. Not a test:
 * {@code scripts/bench LivePushBench [agents=500] [calls=12000] [callsPerSecond=200]}.
 */
public final class LivePushBench {
    private static final String QUEUE = "civil-affairs-ar";

    private LivePushBench() {
    }

    public static void main(String[] args) throws Exception {
        int agents = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        int calls = args.length > 1 ? Integer.parseInt(args[1]) : 12_000;
        int rate = args.length > 2 ? Integer.parseInt(args[2]) : 200;
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .setLevel(ch.qos.logback.classic.Level.WARN);
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("org.asteriskjava"))
                .setLevel(ch.qos.logback.classic.Level.ERROR);
        System.out.printf(Locale.ROOT, "LivePushBench: %d connected agents (SSE), %d calls at %d calls/s "
                + "(the first quarter, at most 3000, is warm-up)%n", agents, calls, rate);

        AmiDouble.Builder builder = AmiDouble.builder().emptyQueues().authFailureDelay(Duration.ofMillis(10));
        List<AgentBinding> bindings = new ArrayList<>(agents);
        for (int a = 0; a < agents; a++) {
            builder.member(QUEUE, "Agent " + a, iface(a));
            bindings.add(new AgentBinding(name(a), iface(a), null));
        }
        SyntheticCalls synth = new SyntheticCalls(QUEUE);
        Vertx server = Vertx.vertx();
        Vertx browsers = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
        Map<String, String> env = new HashMap<>();
        env.put("CONSOLE_HTTP_PORT", "0");
        env.put("CONSOLE_DEV_MODE", "true");
        ConsoleConfig config = ConsoleConfig.load(Path.of("config", "console.yaml"), env);

        try (LocalRedisServer redisServer = LocalRedisServer.startEphemeral();
                UnifiedJedis redis = redisServer.settings().connect();
                AmiDouble pbx = builder.start();
                LiveFeed feed = LiveFeed.start(AmiSettings.of(pbx.host(), pbx.port(), "ivrtest", "ivrtest"),
                        new AgentDirectory(bindings, "wrap-up"), Clock.systemUTC(), ZoneId.of("Asia/Riyadh"));
                ConsoleServer console = new ConsoleServer().vertx(server).live(feed)) {
            int port = console.start(config, redis, id -> new RegistryAnswer.Unavailable("bench"));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!(feed.health() == AmiHealth.CONNECTED && feed.view().snapshot().agents().size() == agents)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("AMI not connected: " + feed.health());
                }
                LockSupport.parkNanos(10_000_000);
            }

            RedisSessions sessions = new RedisSessions(redis, config.session(), Clock.systemUTC());
            String cookieName = new WebCookies(false).sessionName();
            ConcurrentHashMap<String, Long> sentAt = new ConcurrentHashMap<>();
            long[] latencies = new long[calls];
            AtomicInteger popped = new AtomicInteger();
            AtomicLong duplicates = new AtomicLong();
            AtomicInteger connected = new AtomicInteger();

            MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
            long heapBefore = settledHeap(memory);
            HttpClient http = browsers.createHttpClient(new HttpClientOptions().setKeepAlive(true),
                    new PoolOptions().setHttp1MaxSize(agents + 10));
            Instant hashAt = Instant.now();
            for (int a = 0; a < agents; a++) {
                String token = sessions.open(new ConsoleUser(name(a), "Agent " + a, Role.AGENT,
                        "$argon2id$bench", hashAt, "bench")).token();
                connect(http, port, cookieName + "=" + token, sentAt, latencies, popped, duplicates, connected);
            }
            deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (connected.get() < agents) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("only " + connected.get() + " streams opened");
                }
                LockSupport.parkNanos(10_000_000);
            }
            long heapAfter = settledHeap(memory);

            long wallStart = PacedCalls.play(pbx, synth, calls, agents, rate, LivePushBench::iface, sentAt);
            deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (popped.get() < calls && System.nanoTime() < deadline) {
                LockSupport.parkNanos(1_000_000);
            }
            double seconds = (System.nanoTime() - wallStart) / 1e9;
            int n = Math.min(popped.get(), calls);
            int warm = Math.min(3000, n / 4);
            long[] measured = Arrays.copyOfRange(latencies, warm, n);
            Arrays.sort(measured);
            System.out.printf(Locale.ROOT, "pops received by the agents' streams: %d of %d calls (%d duplicates), "
                    + "%.0f calls/s over %.1f s, %d AMI events dropped%n", n, calls, duplicates.get(), calls / seconds,
                    seconds, feed.client().droppedEvents());
            System.out.printf(Locale.ROOT, "AMI event in -> SSE pop parsed by the agent's client (%d calls after "
                    + "warm-up): p50 %s  p90 %s  p99 %s  p99.9 %s  max %s%n", measured.length, ms(measured, 0.50),
                    ms(measured, 0.90), ms(measured, 0.99), ms(measured, 0.999), ms(measured, 1.0));
            System.out.printf(Locale.ROOT, "heap per connected agent (server and simulated browser together, "
                    + "after GC): %.1f KiB (%d streams, %.1f MiB)%n", (heapAfter - heapBefore) / 1024.0 / agents,
                    agents, (heapAfter - heapBefore) / 1024.0 / 1024.0);
            http.close();
        } finally {
            browsers.close().await(10, TimeUnit.SECONDS);
            server.close().await(10, TimeUnit.SECONDS);
        }
    }

    private static void connect(HttpClient http, int port, String cookie, Map<String, Long> sentAt, long[] latencies,
                                AtomicInteger popped, AtomicLong duplicates, AtomicInteger connected) {
        java.util.Set<String> seen = new java.util.HashSet<>();
        StringBuilder pending = new StringBuilder();
        http.request(new RequestOptions().setMethod(HttpMethod.GET).setHost("127.0.0.1").setPort(port)
                        .setURI("/api/live/events").putHeader("Cookie", cookie).putHeader("Accept", "text/event-stream")
                        .setIdleTimeout(0))
                .compose(req -> req.send())
                .onSuccess(res -> {
                    if (res.statusCode() != 200) {
                        System.err.println("stream refused: " + res.statusCode());
                        return;
                    }
                    connected.incrementAndGet();
                    res.handler((Buffer chunk) -> {
                        pending.append(chunk.toString());
                        int end;
                        while ((end = pending.indexOf("\n\n")) >= 0) {
                            String frame = pending.substring(0, end);
                            pending.delete(0, end + 2);
                            if (frame.contains("event: pop\n")) {
                                long now = System.nanoTime();
                                String data = frame.substring(frame.indexOf("data: ") + 6);
                                String callId = new JsonObject(data).getString("callId");
                                if (!seen.add(callId)) {
                                    duplicates.incrementAndGet();
                                    continue;
                                }
                                Long t0 = sentAt.remove(callId);
                                if (t0 != null) {
                                    int i = popped.getAndIncrement();
                                    if (i < latencies.length) {
                                        latencies[i] = now - t0;
                                    }
                                }
                            }
                        }
                    });
                })
                .onFailure(e -> System.err.println("stream failed: " + e));
    }

    private static long settledHeap(MemoryMXBean memory) {
        for (int i = 0; i < 3; i++) {
            System.gc();
            LockSupport.parkNanos(200_000_000);
        }
        return memory.getHeapMemoryUsage().getUsed();
    }

    private static String name(int a) {
        return String.format(Locale.ROOT, "agent%04d", a);
    }

    private static String iface(int a) {
        return "PJSIP/" + (2000 + a);
    }

    private static String ms(long[] sorted, double q) {
        if (sorted.length == 0) {
            return "-";
        }
        int i = (int) Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1);
        return String.format(Locale.ROOT, "%.1f ms", sorted[Math.max(0, i)] / 1e6);
    }
}
