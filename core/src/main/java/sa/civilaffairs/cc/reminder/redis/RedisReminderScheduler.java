package sa.civilaffairs.cc.reminder.redis;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.ZRangeParams;
import sa.civilaffairs.cc.booking.Appointment;
import sa.civilaffairs.cc.booking.AppointmentBook;
import sa.civilaffairs.cc.calendar.CitizenDates;
import sa.civilaffairs.cc.calendar.RiyadhTime;
import sa.civilaffairs.cc.identity.Mobile;
import sa.civilaffairs.cc.office.OfficeCatalogue;
import sa.civilaffairs.cc.outbox.Lane;
import sa.civilaffairs.cc.outbox.OutboundSms;
import sa.civilaffairs.cc.outbox.Outbox;
import sa.civilaffairs.cc.notify.MessageTemplates;
import sa.civilaffairs.cc.outbox.StopList;
import sa.civilaffairs.cc.reference.Reference;
import sa.civilaffairs.cc.reminder.ReminderScheduler;
import sa.civilaffairs.cc.text.Language;

/**
 * Plans in a Redis sorted set ({@value #DUE}: reference → due epoch ms) with the language beside it
 * ({@value #LANGUAGE}). A reminder is claimed by removing it from the set (ZREM answers 1 to one caller only), so
 * several senders never send one twice. At sending time the appointment is read again: cancelled ones, numbers on the
 * STOP list and quiet hours are checked then, not when planned. Thread-safe.
 */
public final class RedisReminderScheduler implements ReminderScheduler {
    public static final String DUE = "{reminder}:due";
    public static final String LANGUAGE = "{reminder}:lang";
    public static final String TEMPLATE = "appointment.reminder";
    private static final int BATCH = 200;

    private final UnifiedJedis redis;
    private final AppointmentBook book;
    private final OfficeCatalogue catalogue;
    private final StopList stopList;
    private final MessageTemplates templates;
    private final Outbox outbox;
    private final Clock clock;

    public RedisReminderScheduler(UnifiedJedis redis, AppointmentBook book, OfficeCatalogue catalogue,
                                  StopList stopList, MessageTemplates templates, Outbox outbox, Clock clock) {
        this.redis = Objects.requireNonNull(redis, "redis");
        this.book = Objects.requireNonNull(book, "book");
        this.catalogue = Objects.requireNonNull(catalogue, "catalogue");
        this.stopList = Objects.requireNonNull(stopList, "stopList");
        this.templates = Objects.requireNonNull(templates, "templates");
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void schedule(Appointment appointment, Language language) {
        if (appointment.contact().isEmpty() || !appointment.active()) {
            return;
        }
        Instant due = RiyadhTime.instant(appointment.slot().date().minusDays(1).atTime(SEND_AT));
        if (!due.isAfter(clock.instant())) {
            return;
        }
        String ref = appointment.reference().value();
        redis.hset(LANGUAGE, ref, language.code());
        redis.zadd(DUE, due.toEpochMilli(), ref);
    }

    @Override
    public void cancel(Reference reference) {
        redis.zrem(DUE, reference.value());
        redis.hdel(LANGUAGE, reference.value());
    }

    @Override
    public int sendDue() {
        Instant now = clock.instant();
        int sent = 0;
        List<String> due = redis.zrange(DUE, ZRangeParams.zrangeByScoreParams(Double.NEGATIVE_INFINITY,
                now.toEpochMilli()).limit(0, BATCH));
        for (String ref : due) {
            if (redis.zrem(DUE, ref) != 1) {
                continue; // another sender claimed it
            }
            String lang = redis.hget(LANGUAGE, ref);
            Optional<Appointment> appointment = book.find(new Reference(ref)).filter(Appointment::active);
            if (appointment.isEmpty() || appointment.get().contact().isEmpty()) {
                redis.hdel(LANGUAGE, ref);
                continue;
            }
            LocalDateTime local = RiyadhTime.local(now);
            if (quiet(local.toLocalTime())) {
                deferToMorning(appointment.get(), local, ref);
                continue;
            }
            redis.hdel(LANGUAGE, ref);
            Mobile to = appointment.get().contact().get();
            if (stopList.contains(to)) {
                continue;
            }
            send(appointment.get(), to, Language.fromCode(lang), now);
            sent++;
        }
        return sent;
    }

    private void deferToMorning(Appointment appointment, LocalDateTime local, String ref) {
        LocalDateTime morning = local.toLocalTime().isBefore(QUIET_UNTIL)
                ? local.toLocalDate().atTime(QUIET_UNTIL) : local.toLocalDate().plusDays(1).atTime(QUIET_UNTIL);
        LocalDateTime start = appointment.slot().date().atTime(appointment.slot().start());
        if (morning.isBefore(start)) {
            redis.zadd(DUE, RiyadhTime.instant(morning).toEpochMilli(), ref);
        } else {
            redis.hdel(LANGUAGE, ref);
        }
    }

    public static boolean quiet(LocalTime time) {
        return !time.isBefore(QUIET_FROM) || time.isBefore(QUIET_UNTIL);
    }

    private void send(Appointment appointment, Mobile to, Language language, Instant now) {
        String office = catalogue.office(appointment.slot().office()).map(o -> o.name(language))
                .orElse(appointment.slot().office().value());
        String text = templates.render(TEMPLATE, language, Map.of(
                "ref", appointment.reference().value(),
                "office", office,
                "date", CitizenDates.date(appointment.slot().date(), language),
                "time", CitizenDates.time(appointment.slot().start())));
        outbox.enqueue(new OutboundSms("reminder-" + appointment.reference().value() + "-"
                + appointment.slot().date(), to, Lane.BULK, language, TEMPLATE, text, "", now));
    }
}
