package sa.civilaffairs.cc.booking;

import java.time.Instant;
import sa.civilaffairs.cc.identity.NationalId;

/** A place in a slot kept for one person while they confirm; it lapses by itself at {@code expiresAt}. */
public record Hold(String id, SlotKey slot, NationalId person, Instant expiresAt) {
}
