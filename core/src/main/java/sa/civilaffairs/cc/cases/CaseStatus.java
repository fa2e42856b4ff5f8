package sa.civilaffairs.cc.cases;

/**
 * The status of a case (visit request, ticket, lost report). Each kind is an enum whose allowed transitions are an
 * explicit {@code switch} in {@link #canMoveTo}; the stores check it before they write anything.
 */
public interface CaseStatus<S extends Enum<S> & CaseStatus<S>> {
    /** The enum constant's name, as stored in Redis and shown in events. */
    String name();

    /** Whether {@code to} may follow this status. A status may follow itself only where the kind says so. */
    boolean canMoveTo(S to);

    /** {@code true} when no further step is possible: the case is finished and leaves the work queues. */
    boolean terminal();
}
