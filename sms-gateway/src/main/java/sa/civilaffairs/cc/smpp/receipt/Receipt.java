package sa.civilaffairs.cc.smpp.receipt;

/**
 * A delivery receipt as the SMSC reported it.
 *
 * @param smscMessageId the id from {@code receipted_message_id} or the receipt text, normalised
 * @param outcome       what it means for the segment
 * @param stat          the SMSC's word for it (DELIVRD, UNDELIV, ...), and {@code error} its err: code
 * @param handset       the number the segment was for (the receipt's source address), E.164 digits
 */
public record Receipt(String smscMessageId, Outcome outcome, String stat, String error, String handset) {

    public enum Outcome {
        DELIVERED, FAILED,
        /** ENROUTE, ACCEPTD, UNKNOWN: not final, nothing changes. */
        PENDING
    }

    public Receipt {
        if (smscMessageId == null || smscMessageId.isEmpty()) {
            throw new IllegalArgumentException("receipt: no message id (expected: receipted_message_id or id: in text)");
        }
        stat = stat == null ? "" : stat;
        error = error == null ? "" : error;
        handset = handset == null ? "" : handset;
    }
}
