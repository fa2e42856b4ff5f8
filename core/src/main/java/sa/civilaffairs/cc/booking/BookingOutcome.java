package sa.civilaffairs.cc.booking;

import java.util.Optional;
import sa.civilaffairs.cc.reference.Reference;

/** The answer to hold, book, confirm and reschedule. A refusal leaves the book exactly as it was. */
public sealed interface BookingOutcome {
    record Booked(Appointment appointment) implements BookingOutcome {
    }

    record Held(Hold hold) implements BookingOutcome {
    }

    /** {@code existing} names the person's active appointment for the service when the reason is ALREADY_BOOKED. */
    record Refused(Refusal reason, Optional<Reference> existing) implements BookingOutcome {
        public Refused(Refusal reason) {
            this(reason, Optional.empty());
        }
    }

    enum Refusal {
        /** Every place of the slot is booked or held. */
        SLOT_FULL,
        /** The catalogue has no such slot (closed day, holiday, wrong time, service not offered there). */
        NO_SUCH_SLOT,
        /** The slot starts in the past (Riyadh time). */
        SLOT_IN_PAST,
        /** The person already has an active appointment for this service. */
        ALREADY_BOOKED,
        /** The hold lapsed or was released before confirmation. */
        HOLD_EXPIRED,
        /** No appointment with that reference, or it belongs to somebody else. */
        NOT_FOUND,
        /** The appointment is already cancelled. */
        NOT_ACTIVE
    }
}
