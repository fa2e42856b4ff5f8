package sa.civilaffairs.cc.booking.redis;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisException;
import sa.civilaffairs.cc.booking.Appointment;
import sa.civilaffairs.cc.booking.AppointmentBook;
import sa.civilaffairs.cc.booking.AppointmentStatus;
import sa.civilaffairs.cc.booking.BookUnavailableException;
import sa.civilaffairs.cc.booking.BookingOutcome;
import sa.civilaffairs.cc.booking.BookingOutcome.Booked;
import sa.civilaffairs.cc.booking.BookingOutcome.Refusal;
import sa.civilaffairs.cc.booking.BookingOutcome.Refused;
import sa.civilaffairs.cc.booking.BookingRequest;
import sa.civilaffairs.cc.booking.FreeSlot;
import sa.civilaffairs.cc.booking.Hold;
import sa.civilaffairs.cc.booking.SlotKey;
import sa.civilaffairs.cc.booking.SlotSupply;
import sa.civilaffairs.cc.booking.redis.BookingKeys.Place;
import sa.civilaffairs.cc.calendar.RiyadhTime;
import sa.civilaffairs.cc.channel.Channel;
import sa.civilaffairs.cc.events.DomainEvent;
import sa.civilaffairs.cc.events.EventLog;
import sa.civilaffairs.cc.identity.Mobile;
import sa.civilaffairs.cc.identity.NationalId;
import sa.civilaffairs.cc.office.CivilService;
import sa.civilaffairs.cc.office.OfficeId;
import sa.civilaffairs.cc.office.Section;
import sa.civilaffairs.cc.redis.LuaScript;
import sa.civilaffairs.cc.reference.Reference;
import sa.civilaffairs.cc.reference.ReferenceKind;
import sa.civilaffairs.cc.reference.References;

/**
 * The appointment book on Redis, correct on one server and on Redis Cluster. Keys are built in {@link BookingKeys};
 * every change is a Lua script (resources beside this class) whose keys share one hash tag.
 *
 * <h2>Why a slot is never overbooked</h2>
 * A slot's places live in its office-day ({@code {bk:<office>:<date>}}): the count of booked places and the sorted
 * set of holds by expiry. Taking a place ({@code book.lua}, {@code hold.lua}, {@code move_local.lua}) counts only
 * live holds (lapsed ones pruned or skipped), compares bookings + live holds with the capacity from the {@link SlotSupply} and increments, in one script;
 * Redis runs scripts one at a time, so no interleaving can exceed the capacity. Confirming a hold turns its place into
 * a booking in the same script that checks the hold is still live.
 *
 * <h2>Why a person never holds two active appointments for one service</h2>
 * A person's claim on a service ({@code {bkp:<id>}:claim:<SERVICE>}) cannot share a slot with every office-day the
 * person might book, so booking takes two steps, each atomic in its own slot, in a fixed order:
 * <ol>
 *   <li>{@code claim.lua} (person slot): if the idempotency key is known, its outcome is the answer; if the person
 *       has a claim on the service for today or later, the answer is ALREADY_BOOKED; otherwise it writes a
 *       <em>pending</em> claim {@code P|ref|since|office|date}, the same pending value under the idempotency key,
 *       and lists the reference under the person.</li>
 *   <li>{@code book.lua} (office-day slot): takes the place and writes the appointment.</li>
 *   <li>Only when step 2 refuses, {@code finish.lua} (person slot): compare-and-set of both pending values to the
 *       refusal (claim deleted; idempotency {@code R|reason|…}, kept {@value #IDEMPOTENCY_HOURS} h) and the reference
 *       taken off the list.</li>
 * </ol>
 * A booking that went through keeps its pending values: a pending value whose appointment exists <em>is</em> a
 * booking. This saves the hot path a third script (a fifth of Redis's work per booking); whoever needs the final
 * value reads the appointment and promotes the pending values by compare-and-set (claim {@code A|…}, idempotency
 * {@code B|ref}): a retry with the same key, a reschedule, a hold's early answer, and the settling below.
 * Two attempts for one person and service can therefore not both pass step 1: the second sees the first's claim. A
 * refusal in step 2 releases the claim in step 3. A client that dies between the steps leaves a pending claim; after
 * the grace time ({@value #GRACE_SECONDS} s by default) the next attempt settles it with {@code settle.lua} in the
 * office-day slot of the pending reference: if the appointment exists the claim becomes active, otherwise the attempt
 * is voided there (its token added to {@code :void:<ref>}), and {@code book.lua}, running in the same slot, refuses a
 * voided attempt should the slow client ever arrive. Redis orders the two scripts, so exactly one of "booked" and
 * "voided" happens: the claim can be taken over without ever letting two appointments through.
 *
 * <h2>Reschedule</h2>
 * {@code begin_move.lua} turns the active claim into a <em>moving</em> claim {@code M|ref|since|from|to} (a second
 * move of the same appointment waits); within one office-day {@code move_local.lua} moves it atomically; across
 * office-days {@code book.lua} takes the new place first and only then {@code vacate.lua} frees the old one (marking
 * it MOVED with a forward address), so the old place is never freed unless the new one is taken. A cancellation that
 * wins the race makes {@code vacate.lua} refuse, and the new place is given back. A mover that dies mid-way is settled
 * like a pending booking by the next attempt for the person and service.
 *
 * <h2>Throughput</h2>
 * {@code book} and {@code confirm} calls from many threads are group-committed: a few daemon threads (started on the
 * first booking, stopped by {@link #close()}) take the waiting attempts in batches of up to 64 and send each step of
 * the whole batch as one pipeline (claims; pointers + places; finishes of the refused; events). Scripts stay atomic
 * and run in order within a pipeline, so this changes round trips, not guarantees; an attempt that meets anything but
 * the plain path (a retry, a stale claim) is handed back to its caller and runs one step at a time. References are
 * taken 32 at a time.
 *
 * <h2>Idempotency</h2>
 * Keys live in the person's slot, written in the same script as the claim. A retry while the first attempt is still
 * in flight waits for its outcome (at most the grace time), a retry after it returns the stored outcome.
 * <p>
 * Domain events (appointment.booked, .cancelled, .rescheduled) are appended after the change with the reference and
 * non-personal attributes. Thread-safe; every call blocks on Redis (never call it on an event loop). When Redis cannot
 * be reached a {@link BookUnavailableException} is thrown; the book is left consistent (see above) and a retry with
 * the same idempotency key gives the attempt's real outcome.
 */
public final class RedisAppointmentBook implements AppointmentBook, AutoCloseable {
    static final int GRACE_SECONDS = 10;
    static final int IDEMPOTENCY_HOURS = 24;
    /** Appointments and counters stay this long after their day, for "my appointments" and audits. */
    static final int KEEP_DAYS = 400;

    private static final Logger log = LoggerFactory.getLogger(RedisAppointmentBook.class);
    private static final long IDEMPOTENCY_MS = TimeUnit.HOURS.toMillis(IDEMPOTENCY_HOURS);
    private static final int MAX_HOPS = 4;
    private static final int REFERENCE_BLOCK = 32;
    /**
     * Threads that send batches of bookings: while some wait for their round trip, the others keep Redis busy (with
     * two, Redis sat idle a fifth of the time on the 2-core bench machine; four use it fully).
     */
    private static final int BATCH_THREADS = 4;

    private static final LuaScript CLAIM = LuaScript.load(RedisAppointmentBook.class, "person_common.lua",
            "claim.lua");
    private static final LuaScript BEGIN_MOVE = LuaScript.load(RedisAppointmentBook.class, "person_common.lua",
            "begin_move.lua");
    private static final LuaScript FINISH = LuaScript.load(RedisAppointmentBook.class, "finish.lua");
    private static final LuaScript UNCLAIM = LuaScript.load(RedisAppointmentBook.class, "unclaim.lua");
    private static final LuaScript PROMOTE = LuaScript.load(RedisAppointmentBook.class, "promote.lua");
    private static final LuaScript BOOK = LuaScript.load(RedisAppointmentBook.class, "book.lua");
    private static final LuaScript HOLD = LuaScript.load(RedisAppointmentBook.class, "hold.lua");
    private static final LuaScript CANCEL = LuaScript.load(RedisAppointmentBook.class, "cancel.lua");
    private static final LuaScript VACATE = LuaScript.load(RedisAppointmentBook.class, "vacate.lua");
    private static final LuaScript MOVE_LOCAL = LuaScript.load(RedisAppointmentBook.class, "move_local.lua");
    private static final LuaScript SETTLE = LuaScript.load(RedisAppointmentBook.class, "settle.lua");
    private static final LuaScript TAKEN = LuaScript.load(RedisAppointmentBook.class, "taken.lua");

    private final UnifiedJedis redis;
    private final SlotSupply supply;
    private final References references;
    private final EventLog events;
    private final Clock clock;
    private final long graceMs;
    /** References fetched a block at a time (one INCRBY), handed out one per booking attempt. */
    private final ConcurrentLinkedQueue<Reference> referenceStock = new ConcurrentLinkedQueue<>();
    private final int batchThreads;
    private final Batches batches = new Batches();

    public RedisAppointmentBook(UnifiedJedis redis, SlotSupply supply, References references, EventLog events,
                                Clock clock) {
        this(redis, supply, references, events, clock, Duration.ofSeconds(GRACE_SECONDS));
    }

    /**
     * With {@code grace}: how long an attempt may stay in flight before another attempt may settle it. Longer than
     * any pause a healthy client makes between two Redis calls; safety never depends on it, only liveness.
     */
    public RedisAppointmentBook(UnifiedJedis redis, SlotSupply supply, References references, EventLog events,
                                Clock clock, Duration grace) {
        if (redis == null || supply == null || references == null || events == null || clock == null) {
            throw new IllegalArgumentException("appointment book: redis, supply, references, events and clock are required");
        }
        if (grace == null || grace.isNegative() || grace.isZero()) {
            throw new IllegalArgumentException("appointment book: grace " + grace + " (expected: a positive duration)");
        }
        this.redis = redis;
        this.supply = supply;
        this.references = references;
        this.events = events;
        this.clock = clock;
        this.graceMs = grace.toMillis();
        this.batchThreads = BATCH_THREADS;
    }

    /** Stops the batching threads (daemons, started on the first booking); bookings after this are refused. */
    @Override
    public void close() {
        batches.close();
    }

    // ---------------------------------------------------------------------------------------------- reading

    @Override
    public List<FreeSlot> freeSlots(OfficeId office, Section section, CivilService service, LocalDate date) {
        List<LocalTime> starts = upcomingStarts(office, section, service, date);
        if (starts.isEmpty()) {
            return List.of();
        }
        int capacity = capacityOf(office, section, service, date, starts);
        Day day = Day.of(office, section, service, date, starts);
        return guarded(() -> day.free(capacity, TAKEN.runList(redis, day.keys(), day.fields())));
    }

    @Override
    public List<LocalDate> daysWithFreeSlots(OfficeId office, Section section, CivilService service, LocalDate from,
                                             int count) {
        if (count < 0) {
            throw new IllegalArgumentException("count " + count + " (expected: 0 or more)");
        }
        List<LocalDate> found = new ArrayList<>(count);
        LocalDate today = RiyadhTime.today(clock);
        LocalDate date = from.isBefore(today) ? today : from;
        LocalDate horizon = date.plusDays(366);
        int batch = Math.max(7, count);
        while (found.size() < count && date.isBefore(horizon)) {
            List<Day> days = new ArrayList<>(batch);
            for (; days.size() < batch && date.isBefore(horizon); date = date.plusDays(1)) {
                List<LocalTime> starts = upcomingStarts(office, section, service, date);
                if (!starts.isEmpty()) {
                    days.add(Day.of(office, section, service, date, starts));
                }
            }
            if (days.isEmpty()) {
                continue;
            }
            int capacity = capacityOf(office, section, service, days.get(0).date, days.get(0).starts);
            List<List<?>> taken = guarded(() -> takenOf(days));
            for (int i = 0; i < days.size() && found.size() < count; i++) {
                if (!days.get(i).free(capacity, taken.get(i)).isEmpty()) {
                    found.add(days.get(i).date);
                }
            }
        }
        return found;
    }

    /** One pipelined round trip: the taken places of every slot of each day (one script per office-day slot). */
    private List<List<?>> takenOf(List<Day> days) {
        List<Response<Object>> responses = new ArrayList<>(days.size());
        try (AbstractPipeline pipeline = redis.pipelined()) {
            for (Day day : days) {
                responses.add(TAKEN.queue(pipeline, day.keys(), day.fields()));
            }
            pipeline.sync();
        }
        List<List<?>> taken = new ArrayList<>(days.size());
        for (int i = 0; i < days.size(); i++) {
            taken.add(TAKEN.answerList(responses.get(i), redis, days.get(i).keys(), days.get(i).fields()));
        }
        return taken;
    }

    /**
     * The slots of one section, service and day still to come, with the keys and slot fields {@code taken.lua} reads
     * (built once: the script's arguments are needed again only if Redis lost the script).
     */
    private record Day(LocalDate date, List<LocalTime> starts, List<String> keys, List<String> fields) {
        static Day of(OfficeId office, Section section, CivilService service, LocalDate date,
                      List<LocalTime> starts) {
            Place place = new Place(office, date);
            String holds = place.holdsPrefix();
            List<String> fields = new ArrayList<>(starts.size());
            List<String> keys = new ArrayList<>(starts.size() + 2);
            keys.add(place.used());
            keys.add(place.held());
            for (LocalTime start : starts) {
                String field = BookingKeys.slotField(section, service, start);
                fields.add(field);
                keys.add(holds + field);
            }
            return new Day(date, starts, keys, fields);
        }

        List<FreeSlot> free(int capacity, List<?> taken) {
            List<FreeSlot> free = new ArrayList<>();
            for (int i = 0; i < starts.size(); i++) {
                int left = capacity - ((Long) taken.get(i)).intValue();
                if (left > 0) {
                    free.add(new FreeSlot(starts.get(i), left));
                }
            }
            return free;
        }
    }

    private List<LocalTime> upcomingStarts(OfficeId office, Section section, CivilService service, LocalDate date) {
        LocalDateTime now = RiyadhTime.localNow(clock);
        if (date.isBefore(now.toLocalDate())) {
            return List.of();
        }
        List<LocalTime> starts = supply.starts(office, section, service, date);
        if (!date.equals(now.toLocalDate())) {
            return starts;
        }
        return starts.stream().filter(start -> date.atTime(start).isAfter(now)).toList();
    }

    private int capacityOf(OfficeId office, Section section, CivilService service, LocalDate date,
                           List<LocalTime> starts) {
        // one offer has one capacity per slot: ask once per day rather than once per slot
        return supply.capacity(new SlotKey(office, section, service, date, starts.get(0))).orElse(0);
    }

    @Override
    public Optional<Appointment> find(Reference reference) {
        return guarded(() -> locate(reference).map(Located::appointment));
    }

    @Override
    public List<Appointment> of(NationalId person) {
        return guarded(() -> {
            List<String> refs = redis.zrevrange(BookingKeys.appointments(person), 0, -1);
            List<Appointment> found = new ArrayList<>(refs.size());
            for (String ref : refs) {
                locate(new Reference(ref)).map(Located::appointment)
                        .filter(a -> a.person().equals(person))
                        .ifPresent(found::add);
            }
            return found;
        });
    }

    /** An appointment and the office-day it lives in. */
    private record Located(Place place, Appointment appointment) {
    }

    private Optional<Located> locate(Reference reference) {
        String encoded = redis.get(BookingKeys.pointer(reference));
        if (encoded == null) {
            return Optional.empty();
        }
        Place place = Place.parse(encoded);
        for (int hop = 0; hop < MAX_HOPS; hop++) {
            Map<String, String> fields = redis.hgetAll(place.appointment(reference));
            if (fields.isEmpty()) {
                return Optional.empty();
            }
            if (!"MOVED".equals(fields.get("status"))) {
                return Optional.of(new Located(place, appointmentOf(reference, fields)));
            }
            place = Place.parse(fields.get("movedTo"));
        }
        return Optional.empty();
    }

    private static Appointment appointmentOf(Reference reference, Map<String, String> f) {
        SlotKey slot = new SlotKey(new OfficeId(f.get("office")), Section.valueOf(f.get("section")),
                CivilService.valueOf(f.get("service")), LocalDate.parse(f.get("date")), LocalTime.parse(f.get("start")));
        String contact = f.getOrDefault("contact", "");
        return new Appointment(reference, slot, new NationalId(f.get("person")),
                contact.isEmpty() ? Optional.empty() : Optional.of(new Mobile(contact)),
                Channel.valueOf(f.get("channel")), AppointmentStatus.valueOf(f.get("status")),
                Instant.ofEpochMilli(Long.parseLong(f.get("bookedAt"))));
    }

    private static List<String> fieldsOf(Appointment a) {
        SlotKey s = a.slot();
        return List.of("ref", a.reference().value(), "office", s.office().value(), "section", s.section().name(),
                "service", s.service().name(), "date", s.date().toString(), "start", s.start().toString(),
                "person", a.person().value(), "contact", a.contact().map(Mobile::e164).orElse(""),
                "channel", a.channel().name(), "status", a.status().name(),
                "bookedAt", Long.toString(a.bookedAt().toEpochMilli()));
    }

    // ---------------------------------------------------------------------------------------------- holds

    @Override
    public BookingOutcome hold(SlotKey slot, NationalId person, Duration ttl) {
        if (ttl == null || ttl.toMillis() < 1) {
            throw new IllegalArgumentException("hold ttl " + ttl + " (expected: at least 1 ms)");
        }
        Optional<Refusal> invalid = check(slot);
        if (invalid.isPresent()) {
            return new Refused(invalid.get());
        }
        int capacity = supply.capacity(slot).orElseThrow();
        return guarded(() -> {
            // a cheap early answer; confirm() enforces the rule atomically
            String claimKey = BookingKeys.claim(person, slot.service());
            String claim = redis.get(claimKey);
            if (claim != null && !Claim.parse(claim).place.date().isBefore(today()) && (claim.startsWith("A|")
                    || claim.startsWith("P|") && "BOOKED".equals(promoteIfBooked(null, claimKey, claim)))) {
                return new Refused(Refusal.ALREADY_BOOKED, Optional.of(Claim.parse(claim).reference));
            }
            String id = UUID.randomUUID().toString();
            Place place = Place.of(slot);
            List<?> answer = HOLD.runList(redis, List.of(place.used(), BookingKeys.holds(slot), place.held()),
                    List.of(BookingKeys.slotField(slot), Integer.toString(capacity), id,
                            Long.toString(ttl.toMillis())));
            if ("HELD".equals(answer.get(0))) {
                Instant expiresAt = Instant.ofEpochMilli(Long.parseLong((String) answer.get(1)));
                return new BookingOutcome.Held(new Hold(id, slot, person, expiresAt));
            }
            return new Refused(Refusal.valueOf((String) answer.get(0)));
        });
    }

    @Override
    public BookingOutcome confirm(Hold hold, BookingRequest request) {
        if (!hold.person().equals(request.person())) {
            return new Refused(Refusal.HOLD_EXPIRED);
        }
        BookingRequest onHeldSlot = new BookingRequest(hold.slot(), request.person(), request.contact(),
                request.channel(), request.idempotencyKey());
        return guarded(() -> placeBatched(onHeldSlot, hold.id()));
    }

    @Override
    public void release(Hold hold) {
        guarded(() -> redis.zrem(BookingKeys.holds(hold.slot()), hold.id()));
    }

    // ---------------------------------------------------------------------------------------------- booking

    @Override
    public BookingOutcome book(BookingRequest request) {
        return guarded(() -> placeBatched(request, "-"));
    }

    /**
     * Book or confirm, batched: the attempt joins the next batch (see {@link Batches}); attempts that need more than
     * the three plain steps (a retry, an attempt in flight, a stale claim) come back and run {@link #place} here.
     */
    private BookingOutcome placeBatched(BookingRequest request, String holdId) {
        Attempt attempt = new Attempt(request, holdId);
        BookingOutcome outcome = batches.run(attempt);
        return outcome != null ? outcome : place(request, holdId);
    }

    /** One booking attempt: its keys and values for the claim, booking and finishing steps. */
    private final class Attempt {
        final BookingRequest request;
        final String holdId;
        final SlotKey slot;
        final NationalId person;
        final String idemKey;
        final String claimKey;
        final Place place;
        final Reference reference;
        final long since;
        final Instant bookedAt;
        final String pending;
        Appointment appointment;
        List<String> bookKeys;
        List<String> bookArgs;

        Attempt(BookingRequest request, String holdId) {
            this.request = request;
            this.holdId = holdId;
            this.slot = request.slot();
            this.person = request.person();
            this.idemKey = BookingKeys.idempotency(person, request.idempotencyKey());
            this.claimKey = BookingKeys.claim(person, slot.service());
            this.place = Place.of(slot);
            this.reference = nextReference();
            this.since = System.currentTimeMillis();
            this.bookedAt = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
            this.pending = "P|" + reference.value() + "|" + since + "|" + place.encoded();
        }

        /** The keys of claim.lua and finish.lua: the attempt's idempotency key, the claim, the person's list. */
        List<String> personKeys() {
            return List.of(idemKey, claimKey, BookingKeys.appointments(person));
        }

        List<String> claimArgs(String staleIdem, String staleClaim) {
            return List.of(pending, Long.toString(System.currentTimeMillis()), Long.toString(graceMs),
                    Long.toString(IDEMPOTENCY_MS), today().toString(), staleIdem, staleClaim, reference.value(),
                    Long.toString(bookedAt.toEpochMilli()));
        }

        /** After the claim: the refusal when the slot cannot be booked, else empty and ready to book. */
        Optional<Refusal> prepare() {
            OptionalInt supplied = supply.capacity(slot);
            Optional<Refusal> invalid = check(slot, supplied);
            if (invalid.isPresent()) {
                return invalid;
            }
            appointment = new Appointment(reference, slot, person, request.contact(), request.channel(),
                    AppointmentStatus.BOOKED, bookedAt);
            bookArgs = new ArrayList<>(List.of(BookingKeys.slotField(slot), Integer.toString(supplied.getAsInt()),
                    holdId, Long.toString(since), Long.toString(expireAt(slot.date()))));
            bookArgs.addAll(fieldsOf(appointment));
            bookKeys = List.of(place.used(), BookingKeys.holds(slot), place.appointment(reference),
                    place.voided(reference));
            return Optional.empty();
        }

        String pointer() {
            return BookingKeys.pointer(reference);
        }

        List<String> finishRefused(Refusal reason) {
            return List.of(pending, "R|" + reason.name() + "|-", pending, "-", Long.toString(IDEMPOTENCY_MS),
                    reference.value(), "unlist");
        }
    }

    /** Book or confirm one by one: claim, take the place, finish. {@code holdId} is "-" for a direct booking. */
    private BookingOutcome place(BookingRequest request, String holdId) {
        Attempt attempt = new Attempt(request, holdId);
        String idemKey = attempt.idemKey;
        String claimKey = attempt.claimKey;
        String staleIdem = "-";
        String staleClaim = "-";
        long waitUntil = System.currentTimeMillis() + graceMs + 1_000;
        while (true) {
            List<?> answer = CLAIM.runList(redis, attempt.personKeys(), attempt.claimArgs(staleIdem, staleClaim));
            String kind = (String) answer.get(0);
            if ("CLAIMED".equals(kind)) {
                break;
            }
            String value = (String) answer.get(1);
            switch (kind) {
                case "IDEM" -> {
                    if (!value.startsWith("P|")) {
                        return outcomeOf(value);
                    }
                    if (promoteIfBooked(idemKey, claimKey, value) != null) {
                        return outcomeOf("B|" + Claim.parse(value).reference.value());
                    }
                    waitUntil = pause(waitUntil, "the same attempt is still in flight");
                }
                case "STALE_IDEM" -> {
                    if (!settleStale(idemKey, claimKey, value, true)) {
                        staleIdem = value;
                    }
                }
                case "STALE_CLAIM" -> {
                    if (!settleStale(idemKey, claimKey, value, false)) {
                        staleClaim = value;
                    }
                }
                default -> throw new IllegalStateException("claim.lua answered " + kind);
            }
        }

        Optional<Refusal> invalid = attempt.prepare();
        if (invalid.isPresent()) {
            FINISH.runList(redis, attempt.personKeys(), attempt.finishRefused(invalid.get()));
            return new Refused(invalid.get());
        }
        List<?> answer;
        // the pointer first (one round trip with the script): an appointment is findable as soon as it exists
        try (AbstractPipeline pipeline = redis.pipelined()) {
            pipeline.set(attempt.pointer(), attempt.place.encoded());
            Response<Object> response = BOOK.queue(pipeline, attempt.bookKeys, attempt.bookArgs);
            pipeline.sync();
            answer = BOOK.answerList(response, redis, attempt.bookKeys, attempt.bookArgs);
        }
        String kind = (String) answer.get(0);
        if ("BOOKED".equals(kind) || "EXISTS".equals(kind)) {
            // no finishing step: the pending values with an appointment behind them are the booking
            publish("appointment.booked", attempt.appointment, Map.of());
            return new Booked(attempt.appointment);
        }
        if ("VOID".equals(kind)) {
            // another attempt settled this one as dead while it was paused: that attempt's outcome stands
            String now = redis.get(idemKey);
            return now != null && !now.startsWith("P|") ? outcomeOf(now) : new Refused(Refusal.ALREADY_BOOKED);
        }
        Refusal reason = Refusal.valueOf(kind);
        try (AbstractPipeline pipeline = redis.pipelined()) {
            Response<Object> response = FINISH.queue(pipeline, attempt.personKeys(), attempt.finishRefused(reason));
            pipeline.del(attempt.pointer()); // nothing was booked under it
            pipeline.sync();
            FINISH.answerList(response, redis, attempt.personKeys(), attempt.finishRefused(reason));
        }
        return new Refused(reason);
    }

    /**
     * Group commit for bookings: attempts from many caller threads are taken in batches, and each of the three steps
     * (claims, places, finishes) plus the events of a batch goes to Redis as one pipeline. Each script still runs
     * atomically on its own keys and in order within a pipeline, so batching changes the number of round trips, not
     * the guarantees. An attempt whose claim is not a plain CLAIMED, or whose place was voided, is handed back
     * (null) to run one by one.
     */
    private final class Batches {
        private static final int MAX_BATCH = 64;
        private final LinkedBlockingQueue<Job> queue = new LinkedBlockingQueue<>();
        private final List<Thread> workers = new ArrayList<>();
        private volatile boolean started;
        private volatile boolean closed;

        private record Job(Attempt attempt, CompletableFuture<BookingOutcome> result) {
        }

        BookingOutcome run(Attempt attempt) {
            if (closed) {
                throw new IllegalStateException("appointment book closed");
            }
            startOnce();
            CompletableFuture<BookingOutcome> result = new CompletableFuture<>();
            queue.add(new Job(attempt, result));
            if (closed) {
                refuseWaiting();
            }
            try {
                return result.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new BookUnavailableException("appointment book: interrupted while booking (retry with the "
                        + "same key for the outcome)", e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof JedisException j) {
                    throw new BookUnavailableException("appointment book: Redis unavailable (" + j.getMessage() + ")", j);
                }
                if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                throw new IllegalStateException(e.getCause());
            }
        }

        private void startOnce() {
            if (started) {
                return;
            }
            synchronized (this) {
                if (started) {
                    return;
                }
                for (int i = 0; i < batchThreads; i++) {
                    Thread t = new Thread(this::loop, "booking-batch-" + i);
                    t.setDaemon(true);
                    t.start();
                    workers.add(t);
                }
                started = true;
            }
        }

        void close() {
            closed = true;
            synchronized (this) {
                workers.forEach(Thread::interrupt);
            }
            refuseWaiting();
        }

        /** After close: nobody will send the attempts still waiting; their callers get an error, not a hang. */
        private void refuseWaiting() {
            List<Job> left = new ArrayList<>();
            queue.drainTo(left);
            left.forEach(job -> job.result.completeExceptionally(
                    new IllegalStateException("appointment book closed before the attempt was sent")));
        }

        private void loop() {
            List<Job> jobs = new ArrayList<>(MAX_BATCH);
            while (!closed) {
                try {
                    jobs.add(queue.take());
                } catch (InterruptedException e) {
                    return;
                }
                queue.drainTo(jobs, MAX_BATCH - 1);
                try {
                    batch(jobs);
                } catch (RuntimeException e) {
                    jobs.forEach(job -> job.result.completeExceptionally(e));
                }
                jobs.clear();
            }
        }

        private void batch(List<Job> jobs) {
            // 1. claims
            List<Response<Object>> claims = new ArrayList<>(jobs.size());
            List<List<String>> claimArgs = new ArrayList<>(jobs.size());
            try (AbstractPipeline pipeline = redis.pipelined()) {
                for (Job job : jobs) {
                    List<String> args = job.attempt.claimArgs("-", "-");
                    claimArgs.add(args);
                    claims.add(CLAIM.queue(pipeline, job.attempt.personKeys(), args));
                }
                pipeline.sync();
            }
            List<Job> toBook = new ArrayList<>(jobs.size());
            Map<Job, Refusal> refused = new LinkedHashMap<>();
            for (int i = 0; i < jobs.size(); i++) {
                Job job = jobs.get(i);
                List<?> answer = CLAIM.answerList(claims.get(i), redis, job.attempt.personKeys(), claimArgs.get(i));
                if (!"CLAIMED".equals(answer.get(0))) {
                    job.result.complete(null);
                    continue;
                }
                Optional<Refusal> invalid = job.attempt.prepare();
                if (invalid.isPresent()) {
                    refused.put(job, invalid.get());
                } else {
                    toBook.add(job);
                }
            }
            // 2. places (the pointer first, as one by one)
            List<Response<Object>> places = new ArrayList<>(toBook.size());
            if (!toBook.isEmpty()) {
                try (AbstractPipeline pipeline = redis.pipelined()) {
                    for (Job job : toBook) {
                        pipeline.set(job.attempt.pointer(), job.attempt.place.encoded());
                        places.add(BOOK.queue(pipeline, job.attempt.bookKeys, job.attempt.bookArgs));
                    }
                    pipeline.sync();
                }
            }
            List<Job> booked = new ArrayList<>(toBook.size());
            List<Job> unbooked = new ArrayList<>();
            for (int i = 0; i < toBook.size(); i++) {
                Job job = toBook.get(i);
                String kind = (String) BOOK.answerList(places.get(i), redis, job.attempt.bookKeys, job.attempt.bookArgs)
                        .get(0);
                if ("BOOKED".equals(kind) || "EXISTS".equals(kind)) {
                    booked.add(job);
                } else if ("VOID".equals(kind)) {
                    job.result.complete(null);
                } else {
                    refused.put(job, Refusal.valueOf(kind));
                    unbooked.add(job);
                }
            }
            // 3. finishes of the refused (a booked attempt has none: see claim.lua)
            if (!refused.isEmpty()) {
                List<Response<Object>> finishes = new ArrayList<>();
                List<Job> finished = new ArrayList<>();
                List<List<String>> finishArgs = new ArrayList<>();
                try (AbstractPipeline pipeline = redis.pipelined()) {
                    for (Map.Entry<Job, Refusal> e : refused.entrySet()) {
                        List<String> args = e.getKey().attempt.finishRefused(e.getValue());
                        finished.add(e.getKey());
                        finishArgs.add(args);
                        finishes.add(FINISH.queue(pipeline, e.getKey().attempt.personKeys(), args));
                    }
                    for (Job job : unbooked) {
                        pipeline.del(job.attempt.pointer()); // nothing was booked under it
                    }
                    pipeline.sync();
                }
                for (int i = 0; i < finished.size(); i++) {
                    FINISH.answerList(finishes.get(i), redis, finished.get(i).attempt.personKeys(), finishArgs.get(i));
                }
            }
            // 4. events, then the answers
            if (!booked.isEmpty()) {
                List<DomainEvent> happened = booked.stream()
                        .map(job -> eventOf("appointment.booked", job.attempt.appointment, Map.of())).toList();
                try {
                    events.appendAll(happened);
                } catch (RuntimeException e) {
                    log.warn("could not append {} appointment.booked events: {}", happened.size(), e.toString());
                }
            }
            booked.forEach(job -> job.result.complete(new Booked(job.attempt.appointment)));
            refused.forEach((job, reason) -> job.result.complete(new Refused(reason)));
        }
    }

    private BookingOutcome finishRefused(NationalId person, String idemKey, String claimKey, String myIdem,
                                         String myClaim, Refusal reason, String claimAfter) {
        FINISH.runList(redis, List.of(idemKey, claimKey, BookingKeys.appointments(person)), List.of(myIdem,
                "R|" + reason.name() + "|-", myClaim, claimAfter, Long.toString(IDEMPOTENCY_MS), "-", "-"));
        return new Refused(reason);
    }

    /** The outcome stored under an idempotency key: {@code B|ref} or {@code R|REASON|ref-or-dash}. */
    private BookingOutcome outcomeOf(String stored) {
        String[] f = stored.split("\\|");
        if ("B".equals(f[0])) {
            return locate(new Reference(f[1])).<BookingOutcome>map(l -> new Booked(l.appointment()))
                    .orElse(new Refused(Refusal.NOT_FOUND));
        }
        Optional<Reference> existing = f.length > 2 && !"-".equals(f[2])
                ? Optional.of(new Reference(f[2])) : Optional.empty();
        return new Refused(Refusal.valueOf(f[1]), existing);
    }

    /** A claim value {@code S|ref|since|office|date[|office|date]}. */
    private record Claim(String state, Reference reference, String since, Place place, Optional<Place> to) {
        static Claim parse(String value) {
            String[] f = value.split("\\|");
            Optional<Place> to = f.length >= 7 ? Optional.of(Place.parse(f[5] + "|" + f[6])) : Optional.empty();
            return new Claim(f[0], new Reference(f[1]), f[2], Place.parse(f[3] + "|" + f[4]), to);
        }

        /** Where the attempt takes (or took) its place. */
        Place target() {
            return to.orElse(place);
        }
    }

    /**
     * Settles an attempt that stayed pending past the grace time (its client died or paused) in the office-day slot
     * where it would have taken its place. Returns {@code true} when the stale value was replaced by what really
     * happened, {@code false} when the attempt is now void and the caller may take its value over.
     */
    private boolean settleStale(String idemKey, String claimKey, String value, boolean idempotency) {
        Claim stale = Claim.parse(value);
        Place target = stale.target();
        String status = (String) SETTLE.runList(redis, List.of(target.appointment(stale.reference),
                target.voided(stale.reference)), List.of(stale.since)).get(0);
        if (idempotency) {
            if ("VOID".equals(status)) {
                return false;
            }
            promotePending(idemKey, null, value, status);
            return true;
        }
        String replacement;
        if (stale.state.equals("M")) {
            boolean moved = "BOOKED".equals(status);
            if (moved && !target.equals(stale.place)) {
                // the move took its new place: finish it (free the old place, point at the new one)
                VACATE.runList(redis, List.of(stale.place.appointment(stale.reference), stale.place.used()),
                        List.of(target.encoded()));
                redis.set(BookingKeys.pointer(stale.reference), target.encoded());
            }
            replacement = "CANCELLED".equals(status) ? "-"
                    : "A|" + stale.reference.value() + "|" + stale.since + "|"
                    + (moved ? target : stale.place).encoded();
        } else if ("VOID".equals(status)) {
            return false;
        } else {
            promotePending(null, claimKey, value, status);
            return true;
        }
        PROMOTE.runList(redis, List.of(idemKey, claimKey), List.of("-", "-", value, replacement,
                Long.toString(IDEMPOTENCY_MS)));
        return true;
    }

    /**
     * A booking that took its place skips the last person step, so a pending value {@code P|ref|since|office|date}
     * whose appointment exists is a booking that went through. Returns the appointment's status (null while the
     * attempt is in flight, or if it died: see {@link #settleStale}) after replacing the pending values by the final
     * ones when it exists (compare-and-set: the idempotency value with {@code B|ref}, the claim with {@code A|…}
     * while the appointment is booked, else none). Either key may be null when only the other one is to change.
     */
    private String promoteIfBooked(String idemKey, String claimKey, String pending) {
        Claim claim = Claim.parse(pending);
        String status = redis.hget(claim.place.appointment(claim.reference), "status");
        if (status != null) {
            promotePending(idemKey, claimKey, pending, status);
        }
        return status;
    }

    /** Replaces a pending booking value by the final ones, given its appointment's status (see above). */
    private void promotePending(String idemKey, String claimKey, String pending, String status) {
        Claim claim = Claim.parse(pending);
        String claimAfter = "BOOKED".equals(status)
                ? "A|" + claim.reference.value() + "|" + claim.since + "|" + claim.place.encoded() : "-";
        // both keys are in the person's slot; a "-" as the old value leaves that key alone
        PROMOTE.runList(redis, List.of(idemKey != null ? idemKey : claimKey, claimKey != null ? claimKey : idemKey),
                List.of(idemKey != null ? pending : "-", "B|" + claim.reference.value(),
                        claimKey != null ? pending : "-", claimAfter, Long.toString(IDEMPOTENCY_MS)));
    }

    // ---------------------------------------------------------------------------------------------- changes

    @Override
    public BookingOutcome reschedule(Reference reference, BookingRequest request) {
        return guarded(() -> move(reference, request, true));
    }

    private BookingOutcome move(Reference reference, BookingRequest request, boolean mayRetry) {
        SlotKey to = request.slot();
        NationalId person = request.person();
        Optional<Located> found = locate(reference);
        if (found.isEmpty() || !found.get().appointment().person().equals(person)) {
            return new Refused(Refusal.NOT_FOUND);
        }
        Appointment current = found.get().appointment();
        if (!current.active()) {
            return new Refused(Refusal.NOT_ACTIVE);
        }
        if (current.slot().service() != to.service()) {
            throw new IllegalArgumentException("reschedule: service " + to.service() + " (expected: "
                    + current.slot().service() + ", the appointment's own service)");
        }
        String idemKey = BookingKeys.idempotency(person, request.idempotencyKey());
        String claimKey = BookingKeys.claim(person, to.service());
        Place from = found.get().place();
        Place dest = Place.of(to);
        long since = System.currentTimeMillis();
        String moving = "M|" + reference.value() + "|" + since + "|" + from.encoded() + "|" + dest.encoded();
        String pendingIdem = "P|" + reference.value() + "|" + since + "|" + dest.encoded();
        String staleIdem = "-";
        String previous;
        long waitUntil = System.currentTimeMillis() + graceMs + 1_000;
        while (true) {
            List<?> answer = BEGIN_MOVE.runList(redis, List.of(idemKey, claimKey), List.of(reference.value(), moving,
                    pendingIdem, Long.toString(System.currentTimeMillis()), Long.toString(graceMs),
                    Long.toString(IDEMPOTENCY_MS), staleIdem));
            String kind = (String) answer.get(0);
            if ("CLAIMED".equals(kind)) {
                previous = (String) answer.get(1);
                break;
            }
            switch (kind) {
                case "IDEM" -> {
                    String value = (String) answer.get(1);
                    if (!value.startsWith("P|")) {
                        return outcomeOf(value);
                    }
                    waitUntil = pause(waitUntil, "the same reschedule is still in flight");
                }
                case "STALE_IDEM" -> {
                    String value = (String) answer.get(1);
                    if (!settleStale(idemKey, claimKey, value, true)) {
                        staleIdem = value;
                    }
                }
                case "STALE_CLAIM" -> {
                    if (!settleStale(idemKey, claimKey, (String) answer.get(1), false)) {
                        return new Refused(Refusal.NOT_FOUND);
                    }
                }
                case "BUSY" -> {
                    String claim = (String) answer.get(1);
                    if (!claim.startsWith("P|") || promoteIfBooked(null, claimKey, claim) == null) {
                        waitUntil = pause(waitUntil, "another change of the appointment is in flight");
                    }
                }
                case "NO_CLAIM" -> {
                    return new Refused(Refusal.NOT_ACTIVE);
                }
                default -> throw new IllegalStateException("begin_move.lua answered " + kind);
            }
        }

        // the claim is ours now: nothing else moves this appointment; make sure it is where we thought
        Optional<Located> now = locate(reference);
        if (now.isEmpty() || !now.get().appointment().active() || !now.get().place().equals(from)) {
            boolean cancelled = now.isPresent() && !now.get().appointment().active();
            BookingOutcome refused = finishRefused(person, idemKey, claimKey, pendingIdem, moving,
                    cancelled ? Refusal.NOT_ACTIVE : Refusal.NOT_FOUND, cancelled ? "-" : previous);
            if (!cancelled && now.isPresent() && mayRetry) {
                redis.del(idemKey); // our refusal was only a lost race with a finished move: try once more
                return move(reference, request, false);
            }
            return refused;
        }
        current = now.get().appointment();
        Optional<Refusal> invalid = check(to);
        if (invalid.isPresent()) {
            return finishRefused(person, idemKey, claimKey, pendingIdem, moving, invalid.get(), previous);
        }
        int capacity = supply.capacity(to).orElseThrow();
        Appointment moved = new Appointment(reference, to, person, request.contact().or(current::contact),
                current.channel(), AppointmentStatus.BOOKED, current.bookedAt());
        String active = "A|" + reference.value() + "|" + since + "|" + dest.encoded();
        String outcome;
        if (from.equals(dest)) {
            outcome = (String) MOVE_LOCAL.runList(redis, List.of(dest.used(), BookingKeys.holds(to),
                    dest.appointment(reference)), List.of(person.value(), to.section().name(), to.start().toString(),
                    Integer.toString(capacity), Long.toString(clock.millis()))).get(0);
            if ("MOVED".equals(outcome) || "SAME".equals(outcome)) {
                outcome = "VACATED";
            }
        } else {
            List<String> args = new ArrayList<>(List.of(BookingKeys.slotField(to), Integer.toString(capacity), "-",
                    Long.toString(since), Long.toString(expireAt(to.date()))));
            args.addAll(fieldsOf(moved));
            outcome = (String) BOOK.runList(redis, List.of(dest.used(), BookingKeys.holds(to),
                    dest.appointment(reference), dest.voided(reference)), args).get(0);
            if ("BOOKED".equals(outcome) || "EXISTS".equals(outcome)) {
                // the new place is ours: only now give the old one back
                outcome = (String) VACATE.runList(redis, List.of(from.appointment(reference), from.used()),
                        List.of(dest.encoded())).get(0);
                if ("VACATED".equals(outcome)) {
                    redis.set(BookingKeys.pointer(reference), dest.encoded());
                } else {
                    // cancelled meanwhile: give the new place back too
                    VACATE.runList(redis, List.of(dest.appointment(reference), dest.used()), List.of("-"));
                }
            }
        }
        switch (outcome) {
            case "VACATED" -> {
                FINISH.runList(redis, List.of(idemKey, claimKey, BookingKeys.appointments(person)), List.of(pendingIdem,
                        "B|" + reference.value(), moving, active, Long.toString(IDEMPOTENCY_MS), reference.value(),
                        "-"));
                if (!current.slot().equals(to)) {
                    publish("appointment.rescheduled", moved, Map.of("channel", request.channel().name(),
                            "fromOffice", current.slot().office().value(), "fromDate", current.slot().date().toString(),
                            "fromTime", current.slot().start().toString()));
                }
                return new Booked(moved);
            }
            case "SLOT_FULL" -> {
                return finishRefused(person, idemKey, claimKey, pendingIdem, moving, Refusal.SLOT_FULL, previous);
            }
            case "CANCELLED", "NOT_ACTIVE" -> {
                return finishRefused(person, idemKey, claimKey, pendingIdem, moving, Refusal.NOT_ACTIVE, "-");
            }
            case "VOID" -> {
                String stored = redis.get(idemKey);
                return stored != null && !stored.startsWith("P|") ? outcomeOf(stored)
                        : new Refused(Refusal.NOT_FOUND);
            }
            default -> {
                return finishRefused(person, idemKey, claimKey, pendingIdem, moving, Refusal.NOT_FOUND, previous);
            }
        }
    }

    @Override
    public BookingOutcome cancel(Reference reference, NationalId person, Channel channel) {
        return guarded(() -> {
            String encoded = redis.get(BookingKeys.pointer(reference));
            if (encoded == null) {
                return new Refused(Refusal.NOT_FOUND);
            }
            Place at = Place.parse(encoded);
            for (int hop = 0; hop < MAX_HOPS; hop++) {
                List<?> answer = CANCEL.runList(redis, List.of(at.appointment(reference), at.used()),
                        List.of(person.value(), Long.toString(clock.millis())));
                String kind = (String) answer.get(0);
                switch (kind) {
                    case "MOVED" -> at = Place.parse((String) answer.get(1));
                    case "CANCELLED" -> {
                        Appointment cancelled = appointmentOf(reference, redis.hgetAll(at.appointment(reference)));
                        UNCLAIM.runList(redis, List.of(BookingKeys.claim(person, cancelled.slot().service())),
                                List.of(reference.value()));
                        publish("appointment.cancelled", cancelled, Map.of("channel", channel.name()));
                        return new Booked(cancelled);
                    }
                    default -> {
                        return new Refused(Refusal.valueOf(kind));
                    }
                }
            }
            return new Refused(Refusal.NOT_FOUND);
        });
    }

    // ---------------------------------------------------------------------------------------------- common

    /** Why a slot cannot be booked, if it cannot: not in the catalogue, or already started (Riyadh time). */
    private Optional<Refusal> check(SlotKey slot) {
        return check(slot, supply.capacity(slot));
    }

    private Optional<Refusal> check(SlotKey slot, OptionalInt capacity) {
        if (capacity.isEmpty() || capacity.getAsInt() < 1) {
            return Optional.of(Refusal.NO_SUCH_SLOT);
        }
        if (!slot.date().atTime(slot.start()).isAfter(RiyadhTime.localNow(clock))) {
            return Optional.of(Refusal.SLOT_IN_PAST);
        }
        return Optional.empty();
    }

    private Reference nextReference() {
        Reference reference = referenceStock.poll();
        if (reference != null) {
            return reference;
        }
        List<Reference> block = references.next(ReferenceKind.APPOINTMENT, REFERENCE_BLOCK);
        referenceStock.addAll(block.subList(1, block.size()));
        return block.get(0);
    }

    private LocalDate today() {
        return RiyadhTime.today(clock);
    }

    private static long expireAt(LocalDate date) {
        return date.plusDays(KEEP_DAYS).atStartOfDay(RiyadhTime.ZONE).toEpochSecond();
    }

    /** Waits a little for an attempt in flight; gives up with an exception past {@code until}. */
    private static long pause(long until, String why) {
        if (System.currentTimeMillis() > until) {
            throw new BookUnavailableException("appointment book: " + why + " past the grace time", null);
        }
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
        if (Thread.currentThread().isInterrupted()) {
            throw new BookUnavailableException("appointment book: interrupted while " + why, null);
        }
        return until;
    }

    private void publish(String type, Appointment appointment, Map<String, String> extra) {
        try {
            events.append(eventOf(type, appointment, extra));
        } catch (RuntimeException e) {
            // the change is made and stays made; followers miss this one event
            log.warn("could not append {} for {}: {}", type, appointment.reference(), e.toString());
        }
    }

    private DomainEvent eventOf(String type, Appointment appointment, Map<String, String> extra) {
        SlotKey slot = appointment.slot();
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("office", slot.office().value());
        attributes.put("section", slot.section().name());
        attributes.put("service", slot.service().name());
        attributes.put("date", slot.date().toString());
        attributes.put("time", slot.start().toString());
        attributes.put("channel", appointment.channel().name());
        attributes.putAll(extra);
        return new DomainEvent(type, appointment.reference().value(), clock.instant(), attributes);
    }

    private interface RedisCall<T> {
        T call();
    }

    private static <T> T guarded(RedisCall<T> call) {
        try {
            return call.call();
        } catch (JedisException e) {
            throw new BookUnavailableException("appointment book: Redis unavailable (" + e.getMessage() + ")", e);
        }
    }
}
