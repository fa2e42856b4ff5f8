package sa.civilaffairs.cc.smsc;

/**
 * A submit_sm the simulator received.
 *
 * @param text  the segment's text without its UDH
 * @param total parts of the message it belongs to (1 when not concatenated), {@code seq} this one's number,
 *              {@code ref} the concatenation reference
 */
public record Submitted(String messageId, String to, String from, byte dataCoding, byte esmClass, String text,
                        int ref, int total, int seq, long atNanos) {
}
