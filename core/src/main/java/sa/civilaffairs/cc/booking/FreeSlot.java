package sa.civilaffairs.cc.booking;

import java.time.LocalTime;

/** A slot start with how many places are still free (capacity minus bookings minus live holds); always > 0. */
public record FreeSlot(LocalTime start, int free) {
}
