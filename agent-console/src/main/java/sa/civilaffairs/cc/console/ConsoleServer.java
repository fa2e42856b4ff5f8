package sa.civilaffairs.cc.console;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.UnifiedJedis;
import sa.civilaffairs.cc.calendar.RiyadhTime;
import sa.civilaffairs.cc.chat.ChatReplies;
import sa.civilaffairs.cc.chat.redis.RedisChatInbox;
import sa.civilaffairs.cc.console.chat.ChatDesk;
import sa.civilaffairs.cc.console.chat.redis.InboxBridge;
import sa.civilaffairs.cc.console.chat.redis.RedisChatDesk;
import sa.civilaffairs.cc.notify.MessageTemplates;
import sa.civilaffairs.cc.console.ami.LiveFeed;
import sa.civilaffairs.cc.console.audit.AuditLog;
import sa.civilaffairs.cc.console.auth.Role;
import sa.civilaffairs.cc.console.chat.ChatFollower;
import sa.civilaffairs.cc.console.dashboard.DashboardFigures;
import sa.civilaffairs.cc.console.push.LiveFeature;
import sa.civilaffairs.cc.console.push.LivePush;
import sa.civilaffairs.cc.console.push.redis.RedisPopRelay;
import sa.civilaffairs.cc.console.push.redis.RedisPresence;
import sa.civilaffairs.cc.outbox.redis.RedisOutbox;
import sa.civilaffairs.cc.console.audit.redis.RedisAuditLog;
import sa.civilaffairs.cc.console.auth.Accounts;
import sa.civilaffairs.cc.console.auth.AccountsFile;
import sa.civilaffairs.cc.console.auth.PasswordHasher;
import sa.civilaffairs.cc.console.auth.SignIn;
import sa.civilaffairs.cc.console.auth.Users;
import sa.civilaffairs.cc.console.auth.redis.RedisLoginThrottle;
import sa.civilaffairs.cc.console.auth.redis.RedisUsers;
import sa.civilaffairs.cc.console.config.ConsoleConfig;
import sa.civilaffairs.cc.console.person.PersonHistory;
import sa.civilaffairs.cc.console.person.PersonLookup;
import sa.civilaffairs.cc.console.person.redis.RedisMobileIndex;
import sa.civilaffairs.cc.console.session.Sessions;
import sa.civilaffairs.cc.console.session.redis.RedisSessions;
import sa.civilaffairs.cc.console.web.AccountsApi;
import sa.civilaffairs.cc.console.web.AuditApi;
import sa.civilaffairs.cc.console.web.ClientAddress;
import sa.civilaffairs.cc.console.web.ConsoleFeature;
import sa.civilaffairs.cc.console.web.ConsoleServices;
import sa.civilaffairs.cc.console.web.HttpVerticle;
import sa.civilaffairs.cc.console.web.Messages;
import sa.civilaffairs.cc.console.web.NavLink;
import sa.civilaffairs.cc.console.web.PageRenderer;
import sa.civilaffairs.cc.console.web.PersonApi;
import sa.civilaffairs.cc.console.web.SignInApi;
import sa.civilaffairs.cc.console.web.WebCookies;
import sa.civilaffairs.cc.redis.RedisSettings;
import sa.civilaffairs.cc.registry.CivilRegistry;

/**
 * The agent console: seeds the accounts file into Redis, then deploys the HTTP verticle on every event loop.
 *
 * <pre>{@code
 * ConsoleServer console = new ConsoleServer().history(caseStores);      // options before start
 * int port = console.start(ConsoleConfig.load(Path.of("config")), redisSettings, registry);
 * ...
 * console.close();
 * }</pre>
 *
 * {@code start} blocks until the port is bound; call it from a plain thread, not an event loop. Without
 * {@link #vertx(Vertx)} the server owns a Vert.x instance and closes it.
 */
public final class ConsoleServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ConsoleServer.class);
    private static final Duration START_LIMIT = Duration.ofSeconds(30);

    private PersonHistory history = PersonHistory.notConnected();
    private final List<ConsoleFeature> features = new ArrayList<>();
    private Clock clock = Clock.systemUTC();
    private Vertx vertx;
    private boolean ownsVertx;
    private UnifiedJedis ownedRedis;
    private WorkerExecutor worker;
    private final List<String> deployments = new ArrayList<>();
    private int port = -1;
    private List<AccountsFile.Seed> seeds = List.of();
    private LiveFeed liveFeed;
    private MessageTemplates chatTemplates;
    private final List<AutoCloseable> liveParts = new ArrayList<>();

    /** Our records of a person for the person card; until the case stores are connected, a placeholder. */
    public ConsoleServer history(PersonHistory history) {
        this.history = history;
        return this;
    }

    /** Adds a feature's routes and menu entries (booking, visit requests, tickets...). */
    public ConsoleServer feature(ConsoleFeature feature) {
        features.add(feature);
        return this;
    }

    /**
     * Makes the console live (issue 7): screen pops, agent states, the SMS chat inbox and the supervisor dashboard,
     * fed by {@code feed} (this instance's AMI link). The feed stays the caller's to close.
     */
    public ConsoleServer live(LiveFeed feed) {
        this.liveFeed = feed;
        return this;
    }

    /**
     * Chat replies rendered with the {@code chat.reply} template (core {@code ChatReplies}); without it an agent's
     * reply goes out as typed.
     */
    public ConsoleServer chatTemplates(MessageTemplates templates) {
        this.chatTemplates = templates;
        return this;
    }

    public ConsoleServer clock(Clock clock) {
        this.clock = clock;
        return this;
    }

    /** Deploys into this Vert.x instead of creating one (tests, or a process that runs several servers). */
    public ConsoleServer vertx(Vertx vertx) {
        this.vertx = vertx;
        return this;
    }

    /** Opens its own Redis client from {@code redis}; closed with the server. */
    public synchronized int start(ConsoleConfig config, RedisSettings redis, CivilRegistry registry) {
        ownedRedis = redis.connect();
        return start(config, ownedRedis, registry);
    }

    /** Starts the console on {@code redis} (left open on close); returns the bound port. */
    public synchronized int start(ConsoleConfig config, UnifiedJedis redis, CivilRegistry registry) {
        if (port >= 0) {
            throw new IllegalStateException("console already started on port " + port);
        }
        PasswordHasher hasher = new PasswordHasher();
        AuditLog audit = new RedisAuditLog(redis);
        Users users = new RedisUsers(redis);
        Accounts accounts = new Accounts(users, hasher, audit, clock);
        seeds = AccountsFile.read(config.usersFile(), config.devMode(), hasher, clock.instant());
        accounts.seed(seeds);

        Sessions sessions = new RedisSessions(redis, config.session(), clock);
        WebCookies cookies = new WebCookies(config.http().secureCookies());
        SignIn signIn = new SignIn(users, hasher, new RedisLoginThrottle(redis, config.throttle()), sessions, audit);
        PersonLookup lookup = new PersonLookup(registry, history, new RedisMobileIndex(redis), audit, clock);
        Messages messages = new Messages();
        List<ConsoleFeature> features = new ArrayList<>(this.features);
        if (liveFeed != null) {
            features.add(0, liveFeature(redis, sessions, cookies, audit));
        }
        List<NavLink> nav = new ArrayList<>(HttpVerticle.NAVIGATION);
        features.forEach(f -> nav.addAll(f.navigation()));

        if (vertx == null) {
            vertx = Vertx.vertx();
            ownsVertx = true;
        }
        worker = vertx.createSharedWorkerExecutor("console-worker-" + System.identityHashCode(this), config.workers(),
                30, TimeUnit.SECONDS);
        ConsoleServices services = new ConsoleServices(config, worker, sessions, messages, cookies,
                new ClientAddress(config.http().trustForwardedFor()), new PageRenderer(messages, nav),
                new SignInApi(signIn, sessions, audit, cookies), new PersonApi(lookup), new AuditApi(audit, clock),
                new AccountsApi(accounts), features);
        try {
            // Instances share a port only when they ask for the same one, so "any free port" is chosen here, once.
            int bound = config.http().port() != 0 ? config.http().port() : freePort(config.http().host());
            deployments.add(vertx.deployVerticle(() -> new HttpVerticle(services, bound),
                    new DeploymentOptions().setInstances(config.http().instances()))
                    .await(START_LIMIT.toMillis(), TimeUnit.MILLISECONDS));
            port = bound;
        } catch (Exception e) {
            close();
            throw new ConsoleException("console did not start on " + config.http().host() + ":"
                    + config.http().port() + ": " + e.getMessage(), e);
        }
        if (config.devMode() && !demoAccounts().isEmpty()) {
            StringBuilder out = new StringBuilder("console demo accounts (dev mode only): username, role, password\n");
            demoAccounts().forEach(line -> out.append("  ").append(line).append('\n'));
            System.out.print(out);
        }
        log.info("agent console on {}://{}:{} ({} instances)", config.http().tls().isPresent() ? "https" : "http",
                config.http().host(), port, config.http().instances());
        return port;
    }

    private LiveFeature liveFeature(UnifiedJedis redis, Sessions sessions, WebCookies cookies, AuditLog audit) {
        LivePush push = new LivePush(liveFeed.view(), new RedisPopRelay(redis, clock), sessions, cookies, clock)
                .presence(new RedisPresence(redis));
        liveParts.add(push);
        push.start();
        RedisChatInbox inbox = new RedisChatInbox(redis);
        RedisOutbox outbox = new RedisOutbox(redis);
        ChatDesk chat = new RedisChatDesk(redis, inbox, outbox,
                chatTemplates == null ? null : new ChatReplies(inbox, outbox, chatTemplates, clock));
        liveParts.add(new ChatFollower(redis, chat, push.hub(), clock).start());
        liveParts.add(new InboxBridge(redis, chat, "console-" + java.util.UUID.randomUUID()).start());
        DashboardFigures figures = new DashboardFigures(redis, chat, clock, RiyadhTime.ZONE)
                .start(Duration.ofSeconds(5), f -> push.hub().toRole(Role.SUPERVISOR, "figures", f.encode()));
        liveParts.add(figures);
        return new LiveFeature(push, liveFeed.view(), liveFeed.control(), chat, figures, audit, clock);
    }

    private static int freePort(String host) {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName(host))) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new ConsoleException("no free port on " + host + ": " + e.getMessage(), e);
        }
    }

    /** The bound port, or -1 before start. */
    public int port() {
        return port;
    }

    /** The dev-mode demo accounts and their passwords, for dev mode to print; empty outside dev mode. */
    public List<String> demoAccounts() {
        List<String> lines = new ArrayList<>();
        for (AccountsFile.Seed s : seeds) {
            s.demoPassword().ifPresent(p -> lines.add(String.format("%-12s %-11s %s", s.user().username(),
                    s.user().role().code(), p)));
        }
        return lines;
    }

    /** Undeploys the verticles (in-flight requests finish), then closes what the server opened. */
    @Override
    public synchronized void close() {
        if (vertx != null) {
            for (String id : deployments) {
                try {
                    vertx.undeploy(id).await(10, TimeUnit.SECONDS);
                } catch (Exception e) {
                    log.warn("undeploying the console: {}", e.toString());
                }
            }
            deployments.clear();
            if (worker != null) {
                worker.close();
                worker = null;
            }
            if (ownsVertx) {
                try {
                    vertx.close().await(10, TimeUnit.SECONDS);
                } catch (Exception e) {
                    log.warn("closing Vert.x: {}", e.toString());
                }
                vertx = null;
                ownsVertx = false;
            }
        }
        for (AutoCloseable part : liveParts) {
            try {
                part.close();
            } catch (Exception e) {
                log.warn("closing {}: {}", part.getClass().getSimpleName(), e.toString());
            }
        }
        liveParts.clear();
        if (ownedRedis != null) {
            ownedRedis.close();
            ownedRedis = null;
        }
        port = -1;
    }
}
