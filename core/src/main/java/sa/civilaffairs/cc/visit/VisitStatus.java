package sa.civilaffairs.cc.visit;

import sa.civilaffairs.cc.cases.CaseStatus;

/**
 * The life of a Taqdeer visit request: {@code SUBMITTED → CONTACTED → SCHEDULED → VISITED → CLOSED}, or
 * {@code DECLINED} (with a reason) from any open step. A scheduled visit may be scheduled again (new date or team);
 * a request may be closed early (withdrawn by the requester) before the visit.
 */
public enum VisitStatus implements CaseStatus<VisitStatus> {
    SUBMITTED, CONTACTED, SCHEDULED, VISITED, CLOSED, DECLINED;

    @Override
    public boolean canMoveTo(VisitStatus to) {
        return switch (this) {
            case SUBMITTED -> to == CONTACTED || to == DECLINED || to == CLOSED;
            case CONTACTED -> to == SCHEDULED || to == DECLINED || to == CLOSED;
            case SCHEDULED -> to == SCHEDULED || to == VISITED || to == DECLINED || to == CLOSED;
            case VISITED -> to == CLOSED;
            case CLOSED, DECLINED -> false;
        };
    }

    @Override
    public boolean terminal() {
        return this == CLOSED || this == DECLINED;
    }
}
