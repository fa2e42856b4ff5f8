package sa.civilaffairs.cc.reminder;

import java.time.LocalTime;
import sa.civilaffairs.cc.booking.Appointment;
import sa.civilaffairs.cc.reference.Reference;
import sa.civilaffairs.cc.text.Language;

/**
 * Reminders sent the day before an appointment (PRODUCT.md, "SMS on 77799"), on the BULK lane, never between
 * {@link #QUIET_FROM} and {@link #QUIET_UNTIL} Riyadh time, and never to a number on the STOP list. Thread-safe.
 */
public interface ReminderScheduler {
    /** When, on the day before, reminders go out. */
    LocalTime SEND_AT = LocalTime.of(17, 0);
    LocalTime QUIET_FROM = LocalTime.of(22, 0);
    LocalTime QUIET_UNTIL = LocalTime.of(8, 0);

    /**
     * Plans the reminder of {@code appointment} in {@code language}; nothing when it has no contact or the day before
     * at {@link #SEND_AT} has already passed (the citizen has just booked). Planning again replaces the plan.
     */
    void schedule(Appointment appointment, Language language);

    /** Drops the plan (the appointment was cancelled). */
    void cancel(Reference reference);

    /** Sends every reminder due by now; returns how many went to the outbox. Several instances may run at once. */
    int sendDue();
}
