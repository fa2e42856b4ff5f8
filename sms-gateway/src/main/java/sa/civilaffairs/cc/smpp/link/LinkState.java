package sa.civilaffairs.cc.smpp.link;

/** A session slot's state: it holds at most one jSMPP session, bound or being bound, never a stale one. */
public enum LinkState {
    /** No session; a bind is scheduled. */
    DOWN,
    /** connect and bind in progress. */
    BINDING,
    /** Bound: submit_sm may be sent (transmitter roles), deliver_sm arrive (receiver roles). */
    BOUND,
    /** Closed for good (gateway shutdown). */
    CLOSED
}
