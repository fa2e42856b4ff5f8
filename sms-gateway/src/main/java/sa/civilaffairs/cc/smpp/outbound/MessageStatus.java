package sa.civilaffairs.cc.smpp.outbound;

import java.time.Instant;
import java.util.List;

/**
 * An outbound message's state, as {@code GET /api/v1/messages/{id}} shows it.
 *
 * @param to       the recipient, masked
 * @param parts    per segment: its state (SUBMITTED, DELIVERED, FAILED, UNKNOWN) and the SMSC's message id
 * @param history  every state change, oldest first
 */
public record MessageStatus(String id, MtState state, String to, int segments, List<Part> parts, String error,
                            List<Change> history) {

    public MessageStatus {
        parts = List.copyOf(parts);
        history = List.copyOf(history);
        error = error == null ? "" : error;
    }

    public record Part(int number, String state, String smscMessageId) {
    }

    public record Change(Instant at, String state, String detail) {
    }
}
