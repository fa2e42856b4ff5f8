package sa.civilaffairs.cc.smpp;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.UnifiedJedis;
import sa.civilaffairs.cc.notify.MessageTemplates;
import sa.civilaffairs.cc.outbox.StopList;
import sa.civilaffairs.cc.outbox.redis.RedisStopList;
import sa.civilaffairs.cc.redis.RedisSettings;
import sa.civilaffairs.cc.smpp.config.GatewayConfig;
import sa.civilaffairs.cc.smpp.http.GatewayApi;
import sa.civilaffairs.cc.smpp.inbound.MoReceiver;
import sa.civilaffairs.cc.smpp.link.LinkState;
import sa.civilaffairs.cc.smpp.link.SessionRole;
import sa.civilaffairs.cc.smpp.link.SmppSessionSlot;
import sa.civilaffairs.cc.smpp.outbound.SmppSender;
import sa.civilaffairs.cc.smpp.outbound.StatusCallbacks;
import sa.civilaffairs.cc.smpp.receipt.DeliveryReceipts;
import sa.civilaffairs.cc.smpp.redis.RedisInbound;
import sa.civilaffairs.cc.smpp.redis.RedisMessages;

/**
 * The SMS gateway assembled: the SMPP sessions of every bind (kept bound), the deliver_sm listener, the outbox sender
 * and the HTTP API. {@link #close()} stops reading the outbox, drains what is in flight, unbinds, and stops the API.
 */
public final class SmsGateway implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SmsGateway.class);

    private final GatewayConfig config;
    private final UnifiedJedis redis;
    private final GatewayMetrics metrics = new GatewayMetrics();
    private final ScheduledExecutorService scheduler;
    private final List<SmppSessionSlot> slots = new ArrayList<>();
    private final StatusCallbacks callbacks = new StatusCallbacks();
    private final RedisMessages messages;
    private final SmppSender sender;
    private final GatewayApi api;

    private SmsGateway(GatewayConfig config, RedisSettings redisSettings, MessageTemplates templates) {
        this.config = config;
        this.redis = redisSettings.connect();
        this.scheduler = Executors.newScheduledThreadPool(1, r -> {
            Thread t = new Thread(r, "smpp-link");
            t.setDaemon(true);
            return t;
        });
        this.messages = new RedisMessages(redis, config.outbound().receiptWindow());
        RedisInbound inbound = new RedisInbound(redis, config.inbound().dedupeWindow(), config.inbound().echoWindow(),
                config.inbound().partsTtl());
        DeliveryReceipts receipts = new DeliveryReceipts(messages, callbacks, metrics);
        List<Map.Entry<GatewayConfig.BindConfig, SmppSessionSlot>> transmitters = new ArrayList<>();
        for (GatewayConfig.BindConfig b : config.binds()) {
            MoReceiver receiver = new MoReceiver(b.name(), inbound, receipts, metrics,
                    config.inbound().respDoubtAfter());
            List<SessionRole> roles = b.mode() == GatewayConfig.BindMode.TRANSCEIVER ? List.of(SessionRole.TRANSCEIVER)
                    : List.of(SessionRole.TRANSMITTER, SessionRole.RECEIVER);
            for (SessionRole role : roles) {
                SmppSessionSlot slot = new SmppSessionSlot(b, role, config.link(), receiver::forSession, scheduler,
                        metrics);
                slots.add(slot);
                if (role.sends()) {
                    transmitters.add(new AbstractMap.SimpleImmutableEntry<>(b, slot));
                }
            }
        }
        this.sender = new SmppSender(config, redis, messages, transmitters, metrics, callbacks);
        this.api = new GatewayApi(config.http(), messages, templates, metrics, this);
    }

    /**
     * Starts binding every session (in the background: an SMSC that is down is retried with back-off) and the sender,
     * and the HTTP API (waited for: a port in use fails the start).
     *
     * @param templates renders template ids for the HTTP API; null when templates are not available (text only)
     */
    public static SmsGateway start(GatewayConfig config, RedisSettings redis, MessageTemplates templates) {
        SmsGateway g = new SmsGateway(config, redis, templates);
        try {
            g.slots.forEach(SmppSessionSlot::start);
            g.sender.start();
            g.api.start();
        } catch (RuntimeException e) {
            g.close();
            throw e;
        }
        log.info("SMS gateway started: {} bind(s), HTTP on port {}", config.binds().size(), g.api.port());
        return g;
    }

    public static SmsGateway start(GatewayConfig config, RedisSettings redis) {
        return start(config, redis, null);
    }

    /**
     * Runs the gateway and the SMS dialogs of 77799: {@code config/sms-gateway.yaml} (see {@code ConfigDirectory}),
     * Redis from {@code REDIS_HOST} (127.0.0.1), {@code REDIS_PORT} (6379), {@code REDIS_PASSWORD}, the civil registry
     * from {@code REGISTRY_URL} (http://127.0.0.1:8081). A bad setting exits with status 2 and its message; SIGTERM
     * stops the dialogs, then drains and unbinds.
     */
    public static void main(String[] args) throws InterruptedException {
        GatewayConfig config;
        RedisSettings redis;
        java.nio.file.Path configDir;
        java.net.URI registryUrl;
        try {
            configDir = sa.civilaffairs.cc.config.ConfigDirectory.locate();
            config = GatewayConfig.load(configDir);
            registryUrl = java.net.URI.create(System.getenv().getOrDefault("REGISTRY_URL", "http://127.0.0.1:8081"));
            String port = System.getenv().getOrDefault("REDIS_PORT", "6379");
            if (!port.matches("\\d{1,5}")) {
                throw new sa.civilaffairs.cc.smpp.config.GatewayConfigException("REDIS_PORT: '" + port
                        + "' (expected: 1-65535)");
            }
            redis = new RedisSettings(System.getenv().getOrDefault("REDIS_HOST", "127.0.0.1"), Integer.parseInt(port),
                    System.getenv("REDIS_PASSWORD"), 64, java.time.Duration.ofSeconds(2));
        } catch (RuntimeException e) {
            System.err.println("sms-gateway: " + e.getMessage());
            System.exit(2);
            return;
        }
        MessageTemplates templates = sa.civilaffairs.cc.notify.YamlMessageTemplates.load(configDir);
        SmsGateway gateway = start(config, redis, templates);
        redis.clients.jedis.UnifiedJedis dialogRedis = redis.connect();
        sa.civilaffairs.cc.dialog.sms.DialogSmsService dialogs = sa.civilaffairs.cc.dialog.sms.DialogSmsService.start(
                dialogRedis,
                new sa.civilaffairs.cc.registry.http.HttpCivilRegistry(
                        sa.civilaffairs.cc.registry.http.RegistrySettings.defaults(registryUrl)),
                sa.civilaffairs.cc.office.CatalogueLoader.load(configDir), templates,
                sa.civilaffairs.cc.calendar.RiyadhTime.systemClock(),
                sa.civilaffairs.cc.dialog.sms.DialogSmsSettings.defaults(
                        System.getenv().getOrDefault("HOSTNAME", "sms-gateway")),
                java.time.Duration.ofMinutes(1));
        java.util.concurrent.CountDownLatch stopped = new java.util.concurrent.CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            dialogs.close();
            dialogRedis.close();
            gateway.close();
            stopped.countDown();
        }, "sms-gateway-shutdown"));
        stopped.await();
    }

    public GatewayMetrics metrics() {
        return metrics;
    }

    public RedisMessages messages() {
        return messages;
    }

    /** The STOP list the sender honours, for the dialog engine to write when a citizen sends STOP or START. */
    public StopList stopList() {
        return new RedisStopList(redis);
    }

    /** The HTTP API's port (the one it got when configured with 0). */
    public int httpPort() {
        return api.port();
    }

    /** Sessions and their state, e.g. {@code operator-a/transceiver=BOUND}. */
    public Map<String, LinkState> links() {
        Map<String, LinkState> out = new java.util.LinkedHashMap<>();
        slots.forEach(s -> out.put(s.name(), s.state()));
        return out;
    }

    /** Why each session that is not bound last failed (e.g. a refused password), for the health endpoint. */
    public Map<String, String> linkErrors() {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        slots.forEach(s -> {
            if (s.state() != LinkState.BOUND && !s.lastError().isEmpty()) {
                out.put(s.name(), s.lastError());
            }
        });
        return out;
    }

    /** Whether every session is bound. */
    public boolean allBound() {
        return slots.stream().allMatch(s -> s.state() == LinkState.BOUND);
    }

    @Override
    public void close() {
        sender.close();
        slots.forEach(SmppSessionSlot::close);
        scheduler.shutdownNow();
        try {
            scheduler.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        api.close();
        callbacks.close();
        redis.close();
        log.info("SMS gateway stopped");
    }
}
