package sa.civilaffairs.cc.booking;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import sa.civilaffairs.cc.channel.Channel;
import sa.civilaffairs.cc.identity.Mobile;
import sa.civilaffairs.cc.identity.NationalId;
import sa.civilaffairs.cc.reference.Reference;

/** A booked office appointment. {@code contact} is where SMS confirmations and reminders go, if known. */
public record Appointment(Reference reference, SlotKey slot, NationalId person, Optional<Mobile> contact,
                          Channel channel, AppointmentStatus status, Instant bookedAt) {
    public Appointment {
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(slot, "slot");
        Objects.requireNonNull(person, "person");
        Objects.requireNonNull(contact, "contact");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(bookedAt, "bookedAt");
    }

    public boolean active() {
        return status == AppointmentStatus.BOOKED;
    }
}
