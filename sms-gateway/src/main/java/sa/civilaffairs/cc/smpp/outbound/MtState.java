package sa.civilaffairs.cc.smpp.outbound;

/** Where an outbound message is. Final states: {@link #DELIVERED}, {@link #FAILED}, {@link #SUPPRESSED}. */
public enum MtState {
    /** Accepted by the HTTP API; waiting in the outbox. */
    QUEUED,
    /** Taken from the outbox by a gateway; not yet submitted (taken again after a restart, it is sent). */
    TAKEN,
    /** Segments being submitted (taken again after a crash, it becomes UNKNOWN: never resent). */
    SENDING,
    /** Every segment accepted by the SMSC (submit_sm_resp OK); waiting for receipts. */
    SUBMITTED,
    /** A segment's submit_sm_resp never came: not resent; a receipt for the number settles it. */
    UNKNOWN,
    /** Every segment's receipt said delivered. */
    DELIVERED,
    /** The SMSC refused a segment for good, or a receipt said it was not delivered; {@code error} says why. */
    FAILED,
    /** BULK to a number that sent STOP: not sent. */
    SUPPRESSED;

    public boolean isFinal() {
        return this == DELIVERED || this == FAILED || this == SUPPRESSED;
    }
}
