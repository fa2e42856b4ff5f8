package sa.civilaffairs.cc.smpp.inbound;

/**
 * One deliver_sm carrying (part of) a citizen's message, decoded; {@code dataCoding} and {@code body} (the user data
 * without UDH) are kept so that the parts of a long message are joined before decoding, and a character split
 * across two parts (a UCS-2 surrogate pair) comes out whole.
 *
 * @param ref         concatenation reference (0 for a single message)
 * @param total       parts of the whole message (1 for a single message)
 * @param seq         this part's number, from 1
 * @param fingerprint stable digest of what the SMSC sent (addresses, coding, bytes, TLVs): a retransmission has the
 *                    same one
 */
public record MoPart(String from, String to, String text, int ref, int total, int seq, String smscMessageId,
                     String fingerprint, byte dataCoding, byte[] body) {
    public MoPart {
        if (total < 1 || seq < 1 || seq > total) {
            throw new IllegalArgumentException("concatenation: part " + seq + " of " + total
                    + " (expected: 1 <= part <= total)");
        }
    }

    public boolean single() {
        return total == 1;
    }
}
