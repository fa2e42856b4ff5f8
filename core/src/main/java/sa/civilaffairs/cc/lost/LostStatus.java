package sa.civilaffairs.cc.lost;

import sa.civilaffairs.cc.cases.CaseStatus;

/**
 * {@code REPORTED → REPLACEMENT_BOOKED → CLOSED}, or closed straight away (found again, replaced elsewhere). A booked
 * replacement may be linked again (the appointment was rescheduled to a new reference).
 */
public enum LostStatus implements CaseStatus<LostStatus> {
    REPORTED, REPLACEMENT_BOOKED, CLOSED;

    @Override
    public boolean canMoveTo(LostStatus to) {
        return switch (this) {
            case REPORTED -> to == REPLACEMENT_BOOKED || to == CLOSED;
            case REPLACEMENT_BOOKED -> to == REPLACEMENT_BOOKED || to == CLOSED;
            case CLOSED -> false;
        };
    }

    @Override
    public boolean terminal() {
        return this == CLOSED;
    }
}
