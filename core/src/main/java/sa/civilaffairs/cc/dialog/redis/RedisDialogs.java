package sa.civilaffairs.cc.dialog.redis;

import java.time.Clock;
import java.time.Duration;
import redis.clients.jedis.UnifiedJedis;
import sa.civilaffairs.cc.booking.AppointmentBook;
import sa.civilaffairs.cc.booking.redis.RedisAppointmentBook;
import sa.civilaffairs.cc.chat.redis.RedisChatInbox;
import sa.civilaffairs.cc.dialog.DialogEngine;
import sa.civilaffairs.cc.dialog.SlotChoices;
import sa.civilaffairs.cc.events.redis.RedisEventLog;
import sa.civilaffairs.cc.feedback.redis.RedisTickets;
import sa.civilaffairs.cc.lost.redis.RedisLostReports;
import sa.civilaffairs.cc.notify.MessageTemplates;
import sa.civilaffairs.cc.office.OfficeCatalogue;
import sa.civilaffairs.cc.office.SlotCalendar;
import sa.civilaffairs.cc.outbox.StopList;
import sa.civilaffairs.cc.outbox.redis.RedisOutbox;
import sa.civilaffairs.cc.outbox.redis.RedisStopList;
import sa.civilaffairs.cc.reference.References;
import sa.civilaffairs.cc.reference.redis.RedisReferences;
import sa.civilaffairs.cc.registry.CivilRegistry;
import sa.civilaffairs.cc.visit.redis.RedisVisitRequests;
import sa.civilaffairs.cc.reminder.ReminderScheduler;
import sa.civilaffairs.cc.reminder.redis.RedisReminderScheduler;

/**
 * The dialog engine assembled on one Redis: every store it needs, built the same way by the SMS gateway, dev mode and
 * tests. {@code book} and {@code reminders} are exposed for the reminder loop and for tests.
 */
public record RedisDialogs(DialogEngine engine, AppointmentBook book, ReminderScheduler reminders,
                           StopList stopList) {

    /** Dialogs expire after 15 minutes of silence (PRODUCT.md, "SMS on 77799"). */
    public static final Duration EXPIRY = Duration.ofMinutes(15);
    /** At most this many answers per number and minute, of which {@link #UNSOLICITED_PER_MINUTE} unsolicited. */
    public static final int REPLIES_PER_MINUTE = 20;
    public static final int UNSOLICITED_PER_MINUTE = 3;

    public static RedisDialogs create(UnifiedJedis redis, CivilRegistry registry, OfficeCatalogue catalogue,
                                      MessageTemplates templates, Clock clock, DialogEngine.Settings settings) {
        return create(redis, registry, catalogue, templates, clock, settings, REPLIES_PER_MINUTE,
                UNSOLICITED_PER_MINUTE);
    }

    /** With other caps on answers per number and minute (load tests drive a few numbers hard). */
    public static RedisDialogs create(UnifiedJedis redis, CivilRegistry registry, OfficeCatalogue catalogue,
                                      MessageTemplates templates, Clock clock, DialogEngine.Settings settings,
                                      int repliesPerMinute, int unsolicitedPerMinute) {
        References references = new RedisReferences(redis);
        RedisEventLog events = new RedisEventLog(redis);
        AppointmentBook book = new RedisAppointmentBook(redis, new SlotCalendar(catalogue), references, events, clock);
        StopList stopList = new RedisStopList(redis);
        ReminderScheduler reminders = new RedisReminderScheduler(redis, book, catalogue, stopList, templates,
                new RedisOutbox(redis), clock);
        DialogEngine engine = new DialogEngine(new DialogEngine.Services(
                new RedisDialogStore(redis, EXPIRY),
                new RedisReplyThrottle(redis, repliesPerMinute, unsolicitedPerMinute),
                stopList, registry, book, new SlotChoices(catalogue, book, clock),
                new RedisVisitRequests(redis, references, events, clock),
                new RedisTickets(redis, references, events, clock),
                new RedisLostReports(redis, references, events, clock),
                new RedisChatInbox(redis), reminders, templates, clock), settings);
        return new RedisDialogs(engine, book, reminders, stopList);
    }
}
