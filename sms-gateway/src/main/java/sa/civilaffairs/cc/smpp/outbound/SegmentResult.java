package sa.civilaffairs.cc.smpp.outbound;

/** How the submit_sm of one segment ended. */
public sealed interface SegmentResult {
    /** submit_sm_resp OK with the SMSC's message id. */
    record Accepted(String smscMessageId) implements SegmentResult {
    }

    /** No submit_sm_resp within the response timeout: maybe on the phone, so never resent. */
    record NoResponse() implements SegmentResult {
    }

    /** Refused for good (or not attempted after an earlier segment was); {@code reason} names the status. */
    record Refused(String reason) implements SegmentResult {
    }
}
