package sa.civilaffairs.cc.booking;

import java.util.Objects;
import java.util.Optional;
import sa.civilaffairs.cc.channel.Channel;
import sa.civilaffairs.cc.identity.Mobile;
import sa.civilaffairs.cc.identity.NationalId;

/**
 * Who wants which slot. {@code idempotencyKey} identifies the citizen's attempt (e.g. the inbound SMS id, the call's
 * unique id + step, the console form token): the same key always yields the same outcome and never a second booking.
 */
public record BookingRequest(SlotKey slot, NationalId person, Optional<Mobile> contact, Channel channel,
                             String idempotencyKey) {
    public BookingRequest {
        Objects.requireNonNull(slot, "slot");
        Objects.requireNonNull(person, "person");
        Objects.requireNonNull(contact, "contact");
        Objects.requireNonNull(channel, "channel");
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            throw new IllegalArgumentException("booking: idempotency key is empty (expected: one per attempt)");
        }
    }
}
