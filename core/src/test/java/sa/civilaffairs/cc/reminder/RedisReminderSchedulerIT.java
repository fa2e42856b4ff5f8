package sa.civilaffairs.cc.reminder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import redis.clients.jedis.StreamEntryID;
import sa.civilaffairs.cc.booking.Appointment;
import sa.civilaffairs.cc.booking.BookingOutcome;
import sa.civilaffairs.cc.booking.BookingRequest;
import sa.civilaffairs.cc.booking.SlotKey;
import sa.civilaffairs.cc.calendar.RiyadhTime;
import sa.civilaffairs.cc.channel.Channel;
import sa.civilaffairs.cc.dialog.DialogRig;
import sa.civilaffairs.cc.identity.Mobile;
import sa.civilaffairs.cc.identity.NationalId;
import sa.civilaffairs.cc.office.CivilService;
import sa.civilaffairs.cc.office.OfficeId;
import sa.civilaffairs.cc.office.Section;
import sa.civilaffairs.cc.outbox.Lane;
import sa.civilaffairs.cc.outbox.OutboundSms;
import sa.civilaffairs.cc.outbox.redis.OutboxStreams;
import sa.civilaffairs.cc.testkit.RedisExtension;
import sa.civilaffairs.cc.testkit.RedisHandle;
import sa.civilaffairs.cc.text.Language;

@ExtendWith(RedisExtension.class)
class RedisReminderSchedulerIT {
    static final Mobile PHONE = new Mobile("966500000110");
    static final NationalId PERSON = new NationalId("1000000099");

    private DialogRig rig;
    private Appointment appointment;

    @BeforeEach
    void book(RedisHandle redis) {
        rig = new DialogRig(redis.client());
        OfficeId office = DialogRig.CATALOGUE.offering(CivilService.ID_RENEWAL,
                sa.civilaffairs.cc.office.Region.RIYADH, Section.MEN).get(0).id();
        LocalDate day = rig.dialogs.book().daysWithFreeSlots(office, Section.MEN, CivilService.ID_RENEWAL,
                RiyadhTime.today(rig.clock).plusDays(2), 1).get(0);
        LocalTime start = rig.dialogs.book().freeSlots(office, Section.MEN, CivilService.ID_RENEWAL, day).get(0)
                .start();
        BookingOutcome outcome = rig.dialogs.book().book(new BookingRequest(new SlotKey(office, Section.MEN,
                CivilService.ID_RENEWAL, day, start), PERSON, Optional.of(PHONE), Channel.SMS, "t-1"));
        appointment = ((BookingOutcome.Booked) outcome).appointment();
    }

    @AfterEach
    void close() {
        rig.close();
    }

    private List<OutboundSms> bulk() {
        return rig.redis.xrange(OutboxStreams.key(Lane.BULK), (StreamEntryID) null, (StreamEntryID) null).stream()
                .map(e -> OutboundSms.fromFields(e.getFields())).toList();
    }

    private void at(LocalDate date, LocalTime time) {
        rig.clock.set(RiyadhTime.instant(LocalDateTime.of(date, time)));
    }

    @Test
    void sentTheDayBeforeInTheCitizensLanguageOnTheBulkLane() {
        rig.dialogs.reminders().schedule(appointment, Language.EN);
        LocalDate dayBefore = appointment.slot().date().minusDays(1);
        at(dayBefore, LocalTime.of(16, 59));
        assertEquals(0, rig.dialogs.reminders().sendDue());
        at(dayBefore, LocalTime.of(17, 0));
        assertEquals(1, rig.dialogs.reminders().sendDue());
        assertEquals(0, rig.dialogs.reminders().sendDue(), "sent once");
        OutboundSms sms = bulk().get(0);
        assertEquals("appointment.reminder", sms.templateId());
        assertEquals(PHONE, sms.to());
        assertTrue(sms.text().startsWith("Reminder"), sms.text());
        assertTrue(sms.text().contains(appointment.reference().value()), sms.text());
    }

    @Test
    void notDuringQuietHoursButTheNextMorning() {
        rig.dialogs.reminders().schedule(appointment, Language.AR);
        LocalDate dayBefore = appointment.slot().date().minusDays(1);
        at(dayBefore, LocalTime.of(23, 30)); // the sender was down all evening
        assertEquals(0, rig.dialogs.reminders().sendDue());
        at(appointment.slot().date(), LocalTime.of(7, 59));
        assertEquals(0, rig.dialogs.reminders().sendDue());
        at(appointment.slot().date(), LocalTime.of(8, 0));
        boolean beforeStart = appointment.slot().start().isAfter(LocalTime.of(8, 0));
        assertEquals(beforeStart ? 1 : 0, rig.dialogs.reminders().sendDue());
    }

    @Test
    void skippedForNumbersThatSentStop() {
        rig.dialogs.reminders().schedule(appointment, Language.AR);
        rig.dialogs.stopList().add(PHONE);
        at(appointment.slot().date().minusDays(1), LocalTime.of(18, 0));
        assertEquals(0, rig.dialogs.reminders().sendDue());
        assertTrue(bulk().isEmpty());
    }

    @Test
    void skippedForCancelledAppointments() {
        rig.dialogs.reminders().schedule(appointment, Language.AR);
        rig.dialogs.book().cancel(appointment.reference(), PERSON, Channel.CONSOLE);
        at(appointment.slot().date().minusDays(1), LocalTime.of(18, 0));
        assertEquals(0, rig.dialogs.reminders().sendDue());
    }

    @Test
    void quietHoursAreTenAtNightToEightInTheMorning() {
        assertTrue(sa.civilaffairs.cc.reminder.redis.RedisReminderScheduler.quiet(LocalTime.of(22, 0)));
        assertTrue(sa.civilaffairs.cc.reminder.redis.RedisReminderScheduler.quiet(LocalTime.of(7, 59)));
        assertTrue(!sa.civilaffairs.cc.reminder.redis.RedisReminderScheduler.quiet(LocalTime.of(8, 0)));
        assertTrue(!sa.civilaffairs.cc.reminder.redis.RedisReminderScheduler.quiet(LocalTime.of(21, 59)));
    }
}
