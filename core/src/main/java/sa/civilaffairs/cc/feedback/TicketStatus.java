package sa.civilaffairs.cc.feedback;

import sa.civilaffairs.cc.cases.CaseStatus;

/**
 * The life of a Tahseen ticket: {@code OPEN → ROUTED} (to the region's administration) {@code → IN_PROGRESS →
 * ANSWERED → CLOSED}. Steps may be skipped forward (an inquiry answered at once by the agent); an answered ticket goes
 * back to {@code IN_PROGRESS} when the citizen follows up; any open ticket may be closed.
 */
public enum TicketStatus implements CaseStatus<TicketStatus> {
    OPEN, ROUTED, IN_PROGRESS, ANSWERED, CLOSED;

    @Override
    public boolean canMoveTo(TicketStatus to) {
        return switch (this) {
            case OPEN -> to == ROUTED || to == IN_PROGRESS || to == ANSWERED || to == CLOSED;
            case ROUTED -> to == IN_PROGRESS || to == ANSWERED || to == CLOSED;
            case IN_PROGRESS -> to == ANSWERED || to == CLOSED;
            case ANSWERED -> to == IN_PROGRESS || to == CLOSED;
            case CLOSED -> false;
        };
    }

    @Override
    public boolean terminal() {
        return this == CLOSED;
    }
}
