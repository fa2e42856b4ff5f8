package sa.civilaffairs.cc.console.push;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sa.civilaffairs.cc.console.auth.Role;
import sa.civilaffairs.cc.console.live.AgentView;
import sa.civilaffairs.cc.console.live.LiveSnapshot;
import sa.civilaffairs.cc.console.live.LiveView;
import sa.civilaffairs.cc.console.live.ScreenPop;
import sa.civilaffairs.cc.console.session.ConsoleSession;
import sa.civilaffairs.cc.console.session.Sessions;
import sa.civilaffairs.cc.console.web.WebCookies;

/**
 * Pushes the live contact center to browsers over server-sent events ({@code GET /api/live/events}).
 *
 * <ul>
 *   <li>{@code pop} (with an {@code id}): a screen pop, to the one agent it is for. Pops go AMI → this instance's
 *       model → {@link PopRelay} (Redis: once per call and agent) → every instance → the agent's browsers here.</li>
 *   <li>{@code agent}: the signed-in agent's own state (on change); {@code snapshot}: the supervisor view (to
 *       supervisors, at most every {@value #TICK_MS} ms when it changed, and every 5 s).</li>
 *   <li>{@code hello} on connect, {@code signed-out} when the session ended; a comment every
 *       {@value #HEARTBEAT_S} s so the browser can tell a live link from a dead one and reconnect.</li>
 * </ul>
 * A reconnecting browser sends {@code Last-Event-ID}; the pops it missed (up to 5 minutes old) are replayed from the
 * agent's pop stream. Listeners of the live model only hand work to this class's threads: no I/O on the AMI thread.
 */
public final class LivePush implements AutoCloseable {
    static final long TICK_MS = 200;
    static final long HEARTBEAT_S = 15;
    private static final Duration REPLAY_WINDOW = Duration.ofMinutes(5);
    private static final int PUBLISH_ATTEMPTS = 4;
    private static final Logger log = LoggerFactory.getLogger(LivePush.class);

    private final LiveView view;
    private final PopRelay relay;
    private final PushHub hub = new PushHub();
    private final Sessions sessions;
    private final WebCookies cookies;
    private final Clock clock;
    private final ExecutorService publisher;
    private final ScheduledExecutorService timer;
    private final AtomicLong publishFailures = new AtomicLong();
    private final AtomicLong droppedPops = new AtomicLong();
    private volatile long sentVersion = -1;
    private volatile long lastFullSnapshot;
    private volatile String snapshotJson = "{}";
    private volatile Presence presence;
    private volatile java.util.Set<String> online = java.util.Set.of();

    public LivePush(LiveView view, PopRelay relay, Sessions sessions, WebCookies cookies, Clock clock) {
        this.view = view;
        this.relay = relay;
        this.sessions = sessions;
        this.cookies = cookies;
        this.clock = clock;
        this.publisher = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(10_000),
                r -> daemon(r, "live-pop-publisher"));
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "live-push"));
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /** Marks connected users in {@code presence} at every heartbeat; supervisors' snapshots say who is online. */
    public LivePush presence(Presence presence) {
        this.presence = presence;
        return this;
    }

    private void refreshPresence() {
        Presence p = presence;
        if (p == null) {
            return;
        }
        try {
            p.seen(hub.users(), clock.instant());
            online = p.online(clock.instant().minusSeconds(3 * HEARTBEAT_S - 5));
            sentVersion = -1; // the next tick sends the snapshot with the new presence
        } catch (RuntimeException e) {
            log.debug("presence not refreshed: {}", e.toString());
        }
    }

    /** Subscribes to the model and the relay, starts the ticker. */
    public LivePush start() {
        view.onScreenPop(this::offer);
        relay.start(hub::pop, () -> timer.execute(this::catchUpAll));
        timer.scheduleWithFixedDelay(this::tick, TICK_MS, TICK_MS, TimeUnit.MILLISECONDS);
        timer.scheduleWithFixedDelay(this::heartbeat, HEARTBEAT_S, HEARTBEAT_S, TimeUnit.SECONDS);
        return this;
    }

    /** On the AMI events thread: hand the pop to the publisher, never block. */
    private void offer(ScreenPop pop) {
        String json = LiveJson.pop(pop).encode();
        try {
            publisher.execute(() -> publish(pop, json));
        } catch (RejectedExecutionException e) {
            droppedPops.incrementAndGet();
        }
    }

    /** On the publisher thread: a Redis hiccup is retried briefly (a pop is worth nothing after a few seconds). */
    private void publish(ScreenPop pop, String json) {
        for (int attempt = 1; ; attempt++) {
            try {
                relay.publish(pop.agent(), pop.callId(), json);
                return;
            } catch (RuntimeException e) {
                if (attempt == PUBLISH_ATTEMPTS) {
                    publishFailures.incrementAndGet();
                    log.warn("pop for {} not published after {} attempts: {}", pop.agent(), attempt, e.toString());
                    return;
                }
                try {
                    Thread.sleep(100L * attempt); // retry backoff on the publisher's own thread
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    public PushHub hub() {
        return hub;
    }

    public long publishFailures() {
        return publishFailures.get();
    }

    /** Opens the event stream for a signed-in user (event loop). */
    public void open(RoutingContext ctx, ConsoleSession session) {
        HttpServerResponse res = ctx.response();
        res.setChunked(true).putHeader("Content-Type", "text/event-stream; charset=utf-8")
                .putHeader("Cache-Control", "no-store").putHeader("X-Accel-Buffering", "no")
                .putHeader("Content-Encoding", "identity"); // compressing would hold events back in the deflater
        Context context = Vertx.currentContext();
        String lastId = ctx.request().getHeader("Last-Event-ID");
        String token = cookies.sessionToken(ctx.request()).orElse("");
        PushClient client = new PushClient(session.username(), session.role(), token, context, res,
                lastId == null || lastId.isBlank() ? null : lastId);
        res.closeHandler(v -> hub.remove(client));
        res.exceptionHandler(e -> hub.remove(client));
        res.write("retry: 2000\n\n");
        client.send("hello", null, new JsonObject().put("user", session.username())
                .put("role", session.role().code()).put("ami", view.snapshot().ami().name()).encode());
        hub.add(client);
        timer.execute(() -> welcome(client, lastId != null && !lastId.isBlank()));
    }

    /** First state for a new connection, and the pops it missed (Redis reads: on the push thread). */
    private void welcome(PushClient client, boolean reconnect) {
        refreshPresence();
        LiveSnapshot s = view.snapshot();
        Optional<AgentView> own = s.agent(client.username());
        own.ifPresent(a -> {
            client.lastAgentView(a);
            client.send("agent", null, LiveJson.agent(a).encode());
        });
        if (client.role().includes(Role.SUPERVISOR)) {
            client.send("snapshot", null, LiveJson.snapshot(s, clock.instant(), online).encode());
        }
        try {
            if (reconnect) {
                catchUp(client);
            } else if (own.isPresent() && own.get().callId() != null) {
                // a reload while a call rings or is connected: show that call's pop again
                String callId = own.get().callId();
                relay.since(client.username(), null, REPLAY_WINDOW).stream()
                        .filter(e -> new JsonObject(e.json()).getString("callId", "").equals(callId))
                        .reduce((a, b) -> b).ifPresent(e -> client.send("pop", e.id(), e.json()));
            }
        } catch (RuntimeException e) {
            log.warn("pop replay for {} failed: {}", client.username(), e.toString());
        }
    }

    private void catchUp(PushClient client) {
        for (PopRelay.Entry e : relay.since(client.username(), client.lastPopId(), REPLAY_WINDOW)) {
            client.send("pop", e.id(), e.json());
        }
    }

    private void catchUpAll() {
        for (PushClient c : hub.clients()) {
            try {
                catchUp(c);
            } catch (RuntimeException e) {
                log.warn("pop catch-up failed: {}", e.toString());
                return;
            }
        }
    }

    private void tick() {
        try {
            LiveSnapshot s = view.snapshot();
            long now = clock.millis();
            if (s.version() == sentVersion && now - lastFullSnapshot < 5_000) {
                return;
            }
            sentVersion = s.version();
            List<PushClient> clients = hub.clients();
            boolean supervisors = clients.stream().anyMatch(c -> c.role().includes(Role.SUPERVISOR));
            if (supervisors || now - lastFullSnapshot >= 5_000) {
                lastFullSnapshot = now;
                String json = LiveJson.snapshot(s, clock.instant(), online).encode();
                snapshotJson = json;
                if (supervisors) {
                    hub.toRole(Role.SUPERVISOR, "snapshot", json);
                }
            }
            Map<String, AgentView> byName = new HashMap<>();
            s.agents().forEach(a -> byName.put(a.agent(), a));
            for (PushClient c : clients) {
                AgentView a = byName.get(c.username());
                if (a != null && !a.equals(c.lastAgentView())) {
                    c.lastAgentView(a);
                    c.send("agent", null, LiveJson.agent(a).encode());
                }
            }
        } catch (RuntimeException e) {
            log.warn("live push tick failed: {}", e.toString());
        }
    }

    private long beats;

    private void heartbeat() {
        beats++;
        refreshPresence();
        boolean checkSessions = beats % 4 == 0; // once a minute: a browser left open keeps its session only while valid
        for (PushClient c : hub.clients()) {
            c.heartbeat();
            if (checkSessions) {
                try {
                    if (sessions.touch(c.sessionToken()).isEmpty()) {
                        c.send("signed-out", null, "{}");
                        c.close();
                    }
                } catch (RuntimeException e) {
                    log.debug("session check failed: {}", e.toString());
                    return;
                }
            }
        }
    }

    /** The last supervisor snapshot sent, as JSON. */
    public String lastSnapshotJson() {
        return snapshotJson;
    }

    @Override
    public void close() {
        timer.shutdownNow();
        publisher.shutdown();
        try {
            publisher.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        relay.close();
        hub.clients().forEach(PushClient::close);
    }
}
