package sa.civilaffairs.cc.visit;

/** How a visit request was accepted. */
public enum Eligibility {
    /** 85+ or a registered disability, per the registry: no review needed. */
    ELIGIBLE,
    /** Accepted, an agent contacts the requester to review it (patients, disability not in the registry). */
    TO_REVIEW,
    /** An agent or supervisor accepted a request the rules would have refused or reviewed; the step note says why. */
    OVERRIDDEN
}
