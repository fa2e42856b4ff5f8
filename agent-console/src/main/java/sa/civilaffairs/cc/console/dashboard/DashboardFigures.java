package sa.civilaffairs.cc.console.dashboard;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.resps.StreamEntry;
import sa.civilaffairs.cc.console.chat.ChatDesk;
import sa.civilaffairs.cc.console.chat.ChatStatus;
import sa.civilaffairs.cc.console.chat.Conversation;
import sa.civilaffairs.cc.events.DomainEvent;
import sa.civilaffairs.cc.events.redis.RedisEventLog;
import sa.civilaffairs.cc.outbox.redis.SmsDayCounts;

/**
 * The supervisor dashboard's figures that do not come from Asterisk, folded from the domain event stream
 * ({@value RedisEventLog#STREAM}): the last {@value #HISTORY_DAYS} days at start, then the new entries every
 * {@code every}. One thread; {@link #json()} may be called from any thread.
 *
 * <p>Events read (attributes as the stores append them; an event without them is counted where it can be):
 * <ul>
 *   <li>{@code appointment.booked} / {@code appointment.cancelled} / {@code appointment.rescheduled}
 *       ({@code RedisAppointmentBook}): {@code office}, {@code date} (the appointment's day), and
 *       {@code fromOffice}, {@code fromDate} for a move — today's appointments per office;</li>
 *   <li>{@code visit.submitted} ({@code RedisVisitRequests}: {@code region}) opens a Taqdeer request (by reference);
 *       {@code visit.status} with {@code status} VISITED, CLOSED or DECLINED ends it — the backlog by region and
 *       age since submission;</li>
 * </ul>
 * SMS in/out today and the delivery rate come from the gateway's day counters ({@link SmsDayCounts}), plus any
 * {@code sms.received}, {@code sms.sent}, {@code sms.delivered}, {@code sms.undelivered} events (none from the gateway).
 * Chat figures (open, claimed, oldest unclaimed) come from the {@link ChatDesk}.
 */
public final class DashboardFigures implements AutoCloseable {
    static final int HISTORY_DAYS = 60;
    private static final Logger log = LoggerFactory.getLogger(DashboardFigures.class);
    private static final List<Duration> AGE_BUCKETS = List.of(Duration.ofDays(1), Duration.ofDays(3),
            Duration.ofDays(7));

    private final UnifiedJedis redis;
    private final ChatDesk chat;
    private final Clock clock;
    private final ZoneId zone;
    private final ScheduledExecutorService timer;
    private final Map<LocalDate, Map<String, Integer>> appointments = new HashMap<>();
    private final Map<String, Open> visits = new HashMap<>();
    private final Map<LocalDate, int[]> sms = new HashMap<>(); // in, out, delivered, undelivered
    private StreamEntryID last;
    private volatile JsonObject json = new JsonObject();

    private record Open(String region, Instant at) {
    }

    public DashboardFigures(UnifiedJedis redis, ChatDesk chat, Clock clock, ZoneId zone) {
        this.redis = redis;
        this.chat = chat;
        this.clock = clock;
        this.zone = zone;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "live-dashboard");
            t.setDaemon(true);
            return t;
        });
    }

    /** Reads now, then every {@code every}; {@code published} gets the figures after each read. */
    public DashboardFigures start(Duration every, Consumer<JsonObject> published) {
        timer.scheduleWithFixedDelay(() -> {
            try {
                refresh();
                published.accept(json);
            } catch (RuntimeException e) {
                log.warn("dashboard figures not refreshed: {}", e.toString());
            }
        }, 0, every.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    /** Reads the new events and recomputes (the timer's thread, or a test's). */
    public synchronized JsonObject refresh() {
        if (last == null) {
            last = new StreamEntryID(clock.millis() - Duration.ofDays(HISTORY_DAYS).toMillis(), 0);
        }
        while (true) {
            List<StreamEntry> page = redis.xrange(RedisEventLog.STREAM, "(" + last, "+", 1000);
            for (StreamEntry e : page) {
                last = e.getID();
                try {
                    fold(DomainEvent.fromFields(e.getFields()));
                } catch (RuntimeException bad) {
                    log.debug("event {} skipped: {}", e.getID(), bad.toString());
                }
            }
            if (page.size() < 1000) {
                break;
            }
        }
        json = compute();
        return json;
    }

    private void fold(DomainEvent e) {
        LocalDate day = e.at().atZone(zone).toLocalDate();
        switch (e.type()) {
            case "appointment.booked", "appointment.cancelled" -> appointment(e.attributes().get("office"),
                    e.attributes().get("date"), day, e.type().endsWith("booked") ? 1 : -1);
            case "appointment.rescheduled" -> {
                appointment(e.attributes().get("fromOffice"), e.attributes().get("fromDate"), day, -1);
                appointment(e.attributes().get("office"), e.attributes().get("date"), day, 1);
            }
            case "visit.submitted", "visit.requested" -> visits.put(e.reference(),
                    new Open(e.attributes().getOrDefault("region", "?"), e.at()));
            case "visit.status" -> {
                String status = e.attributes().getOrDefault("status", "");
                if (status.equals("VISITED") || status.equals("CLOSED") || status.equals("DECLINED")) {
                    visits.remove(e.reference());
                }
            }
            case "visit.visited", "visit.closed", "visit.declined" -> visits.remove(e.reference());
            case "sms.received" -> sms.computeIfAbsent(day, k -> new int[4])[0]++;
            case "sms.sent" -> sms.computeIfAbsent(day, k -> new int[4])[1]++;
            case "sms.delivered" -> sms.computeIfAbsent(day, k -> new int[4])[2]++;
            case "sms.undelivered" -> sms.computeIfAbsent(day, k -> new int[4])[3]++;
            default -> {
            }
        }
    }

    private void appointment(String office, String date, LocalDate eventDay, int delta) {
        LocalDate on = eventDay;
        if (date != null) {
            try {
                on = LocalDate.parse(date);
            } catch (DateTimeParseException ignored) {
                // not an ISO date: count it on the day it happened
            }
        }
        appointments.computeIfAbsent(on, k -> new TreeMap<>()).merge(office == null ? "?" : office, delta,
                Integer::sum);
    }

    private JsonObject compute() {
        Instant now = clock.instant();
        LocalDate today = now.atZone(zone).toLocalDate();
        JsonObject offices = new JsonObject();
        appointments.getOrDefault(today, Map.of()).forEach((office, n) -> {
            if (n > 0) {
                offices.put(office, n);
            }
        });
        Map<String, int[]> backlog = new TreeMap<>();
        for (Open v : visits.values()) {
            Duration age = Duration.between(v.at(), now);
            int bucket = 0;
            while (bucket < AGE_BUCKETS.size() && age.compareTo(AGE_BUCKETS.get(bucket)) >= 0) {
                bucket++;
            }
            backlog.computeIfAbsent(v.region(), k -> new int[AGE_BUCKETS.size() + 1])[bucket]++;
        }
        JsonObject taqdeer = new JsonObject();
        backlog.forEach((region, counts) -> {
            JsonArray a = new JsonArray();
            for (int c : counts) {
                a.add(c);
            }
            taqdeer.put(region, a);
        });
        int[] e = sms.getOrDefault(today, new int[4]);
        SmsDayCounts counted = SmsDayCounts.read(redis, today);
        SmsDayCounts s = new SmsDayCounts(counted.received() + e[0], counted.sent() + e[1],
                counted.delivered() + e[2], counted.undelivered() + e[3]);
        Double rate = s.deliveryRate();
        int open = 0;
        int claimed = 0;
        long oldest = 0;
        for (Conversation c : chat.active()) {
            if (c.status() == ChatStatus.OPEN) {
                open++;
                oldest = Math.max(oldest, c.unclaimedFor(now).toSeconds());
            } else {
                claimed++;
            }
        }
        return new JsonObject().put("at", now.toString()).put("appointmentsToday", offices)
                .put("taqdeerBacklog", taqdeer).put("taqdeerAgeBuckets", new JsonArray(List.of("<1d", "1-3d", "3-7d", ">7d")))
                .put("sms", new JsonObject().put("in", s.received()).put("out", s.sent()).put("delivered", s.delivered())
                        .put("undelivered", s.undelivered()).put("deliveryRate", rate))
                .put("chat", new JsonObject().put("open", open).put("claimed", claimed)
                        .put("oldestUnclaimedSeconds", oldest));
    }

    /** The last figures computed. */
    public JsonObject json() {
        return json;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
