package sa.civilaffairs.cc.console.chat;

import java.time.Instant;
import java.util.Objects;

/**
 * One message of a desk conversation. {@code author} is empty for the citizen, the agent's user name for a reply.
 * {@code smsId} is the outbox id of a reply (empty for the citizen's messages). The text may hold personal data: never
 * log it.
 */
public record DeskMessage(String id, String conversationId, Direction direction, String author, String text,
                          String smsId, Instant at) {
    public enum Direction { FROM_CITIZEN, TO_CITIZEN }

    public DeskMessage {
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(at, "at");
        if (text == null || text.isEmpty()) {
            throw new IllegalArgumentException("chat text: empty (expected: the message)");
        }
        author = author == null ? "" : author;
        smsId = smsId == null ? "" : smsId;
    }
}
