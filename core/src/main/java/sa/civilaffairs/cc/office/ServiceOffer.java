package sa.civilaffairs.cc.office;

import java.time.Duration;

/** A service as one office section offers it: how long a slot lasts and how many people one slot takes. */
public record ServiceOffer(CivilService service, Duration slotLength, int capacityPerSlot) {

    public static final int MIN_SLOT_MINUTES = 5;
    public static final int MAX_SLOT_MINUTES = 240;
    public static final int MAX_CAPACITY = 100;

    public ServiceOffer {
        if (service == null || slotLength == null) {
            throw new IllegalArgumentException("service offer: service and slot length are both required");
        }
        checkSlotLength(slotLength);
        checkCapacity(capacityPerSlot);
    }

    static void checkSlotLength(Duration slotLength) {
        long minutes = slotLength.toMinutes();
        if (!slotLength.equals(Duration.ofMinutes(minutes)) || minutes < MIN_SLOT_MINUTES
                || minutes > MAX_SLOT_MINUTES) {
            throw new IllegalArgumentException("slot length " + describe(slotLength)
                    + " (expected: " + MIN_SLOT_MINUTES + "-" + MAX_SLOT_MINUTES + ")");
        }
    }

    static void checkCapacity(int capacityPerSlot) {
        if (capacityPerSlot < 1 || capacityPerSlot > MAX_CAPACITY) {
            throw new IllegalArgumentException("capacity per slot " + capacityPerSlot
                    + " (expected: 1-" + MAX_CAPACITY + ")");
        }
    }

    public static ServiceOffer of(CivilService service, int slotMinutes, int capacityPerSlot) {
        return new ServiceOffer(service, Duration.ofMinutes(slotMinutes), capacityPerSlot);
    }

    private static String describe(Duration d) {
        return d.equals(Duration.ofMinutes(d.toMinutes())) ? d.toMinutes() + " min" : d.toString();
    }
}
