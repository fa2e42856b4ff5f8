package sa.civilaffairs.cc.cases;

import sa.civilaffairs.cc.reference.Reference;

/**
 * A status change the case's state machine does not allow (e.g. a closed visit scheduled again), or one missing what
 * the target status needs (a schedule, a reason). Nothing was written.
 */
public final class IllegalTransitionException extends CaseException {
    private final Reference reference;
    private final String from;
    private final String to;

    public IllegalTransitionException(Reference reference, CaseStatus<?> from, CaseStatus<?> to, String why) {
        super(reference + ": " + from.name() + " -> " + to.name() + " refused (" + why + ")");
        this.reference = reference;
        this.from = from.name();
        this.to = to.name();
    }

    public Reference reference() {
        return reference;
    }

    public String from() {
        return from;
    }

    public String to() {
        return to;
    }
}
