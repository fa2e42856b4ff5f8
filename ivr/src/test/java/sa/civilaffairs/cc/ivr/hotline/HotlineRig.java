package sa.civilaffairs.cc.ivr.hotline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;
import redis.clients.jedis.resps.StreamEntry;
import sa.civilaffairs.cc.booking.redis.RedisAppointmentBook;
import sa.civilaffairs.cc.config.ConfigDirectory;
import sa.civilaffairs.cc.events.redis.RedisEventLog;
import sa.civilaffairs.cc.feedback.redis.RedisTickets;
import sa.civilaffairs.cc.ivr.IvrConfig;
import sa.civilaffairs.cc.ivr.agi.HotlineServer;
import sa.civilaffairs.cc.ivr.agidouble.AsteriskDouble;
import sa.civilaffairs.cc.ivr.agidouble.CallRecord;
import sa.civilaffairs.cc.ivr.agidouble.CallSetup;
import sa.civilaffairs.cc.ivr.agidouble.Caller;
import sa.civilaffairs.cc.ivr.prompt.PromptCatalogue;
import sa.civilaffairs.cc.lost.redis.RedisLostReports;
import sa.civilaffairs.cc.notify.OutboxNotifier;
import sa.civilaffairs.cc.notify.YamlMessageTemplates;
import sa.civilaffairs.cc.office.CatalogueLoader;
import sa.civilaffairs.cc.office.OfficeCatalogue;
import sa.civilaffairs.cc.office.SlotCalendar;
import sa.civilaffairs.cc.outbox.Lane;
import sa.civilaffairs.cc.outbox.redis.OutboxStreams;
import sa.civilaffairs.cc.outbox.redis.RedisOutbox;
import sa.civilaffairs.cc.reference.redis.RedisReferences;
import sa.civilaffairs.cc.registry.http.HttpCivilRegistry;
import sa.civilaffairs.cc.registry.http.RegistrySettings;
import sa.civilaffairs.cc.visit.redis.RedisVisitRequests;

/**
 * The hotline as it runs: the FastAGI server on a free port with the real Redis stores, the registry double, and
 * an Asterisk double to place calls. Records every prompt id the IVR asks for that the catalogue lacks.
 */
final class HotlineRig implements AutoCloseable {

    static final java.nio.file.Path CONFIG = ConfigDirectory.locate();
    static final OfficeCatalogue CATALOGUE = CatalogueLoader.load(CONFIG);
    static final PromptCatalogue PROMPTS = PromptCatalogue.load(CONFIG);
    static final YamlMessageTemplates TEMPLATES = YamlMessageTemplates.load(CONFIG);
    /** Every prompt id asked for by any rig of this JVM, for the catalogue check. */
    static final Set<String> SPOKEN = ConcurrentHashMap.newKeySet();

    private static final AtomicLong CALLS = new AtomicLong();

    final UnifiedJedis redis;
    final RedisAppointmentBook book;
    final HotlineServices services;
    final IvrConfig config;
    final HotlineServer server;
    final AsteriskDouble asterisk;
    final List<String> missingPrompts = new ArrayList<>();

    HotlineRig(UnifiedJedis redis, RegistrySettings registry, Clock clock, Map<String, String> env) {
        this.redis = redis;
        RedisReferences references = new RedisReferences(redis);
        RedisEventLog events = new RedisEventLog(redis);
        book = new RedisAppointmentBook(redis, new SlotCalendar(CATALOGUE), references, events, clock);
        services = new HotlineServices(book, CATALOGUE, new HttpCivilRegistry(registry),
                Optional.of(new RedisVisitRequests(redis, references, events, clock)),
                Optional.of(new RedisLostReports(redis, references, events, clock)),
                Optional.of(new RedisTickets(redis, references, events, clock)),
                new OutboxNotifier(TEMPLATES, new RedisOutbox(redis), clock), references, events, clock);
        Map<String, String> vars = new HashMap<>(Map.of("IVR_AGI_PORT", "0", "IVR_ALLOWED_HOSTS", "127.0.0.1"));
        vars.putAll(env);
        config = IvrConfig.load(CONFIG.resolve(IvrConfig.FILE), vars);
        HotlineScript script = new HotlineScript(services, config, p -> {
            SPOKEN.add(p.id());
            if (!PROMPTS.contains(p.id())) {
                synchronized (missingPrompts) {
                    missingPrompts.add(p.id());
                }
            }
        });
        server = HotlineServer.start(config.agi(), Map.of(HotlineScript.NAME, script));
        asterisk = new AsteriskDouble(new java.net.InetSocketAddress("127.0.0.1", server.port()));
    }

    HotlineRig(UnifiedJedis redis, RegistrySettings registry, Clock clock) {
        this(redis, registry, clock, Map.of());
    }

    CallRecord call(String callerId, Caller caller) {
        return call(CallSetup.hotline(callerId, CALLS.incrementAndGet()), caller);
    }

    CallRecord call(CallSetup setup, Caller caller) {
        try {
            return asterisk.call(setup, caller);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Prompt ids as played, with their language: {@code ar:main-menu}. */
    static List<String> said(CallRecord record) {
        return record.played().stream().map(HotlineRig::promptOf).toList();
    }

    static String promptOf(String file) {
        String[] parts = file.split("/");
        return parts.length >= 3 ? parts[parts.length - 2] + ":" + parts[parts.length - 1] : file;
    }

    /** Live holds left in the appointment book (sorted sets {@code {bk:…}:holds:…}). */
    long liveHolds() {
        long n = 0;
        String cursor = ScanParams.SCAN_POINTER_START;
        do {
            ScanResult<String> page = redis.scan(cursor, new ScanParams().match("*:holds:*").count(500));
            for (String key : page.getResult()) {
                n += redis.zcard(key);
            }
            cursor = page.getCursor();
        } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
        return n;
    }

    /** The messages in the notification lane of the outbox, as {@code template to}. */
    List<String> notifications() {
        List<StreamEntry> entries = redis.xrange(OutboxStreams.key(Lane.NOTIFICATION), (redis.clients.jedis.StreamEntryID) null,
                (redis.clients.jedis.StreamEntryID) null);
        return entries.stream().map(e -> e.getFields().get("template") + " " + e.getFields().get("to")).toList();
    }

    /** The texts of the notification lane, oldest first. */
    List<String> notificationTexts() {
        return redis.xrange(OutboxStreams.key(Lane.NOTIFICATION), (redis.clients.jedis.StreamEntryID) null,
                (redis.clients.jedis.StreamEntryID) null).stream().map(e -> e.getFields().get("text")).toList();
    }

    @Override
    public void close() {
        server.close();
    }
}
