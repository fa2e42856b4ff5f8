package sa.civilaffairs.cc.booking;

/** An appointment is BOOKED until cancelled or moved; a reschedule gives the new slot the same reference. */
public enum AppointmentStatus {
    BOOKED, CANCELLED
}
