package sa.civilaffairs.cc.dialog;

import java.time.Instant;
import java.util.Objects;
import sa.civilaffairs.cc.identity.Mobile;

/**
 * One text a citizen sent to the short code, as the channel received it. {@code id} is the channel's unique id for the
 * message (the inbound stream entry's id for SMS): the engine answers each id at most once.
 */
public record IncomingText(String id, Mobile from, String text, Instant receivedAt) {
    public IncomingText {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("incoming text: empty id (expected: the channel's message id)");
        }
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(receivedAt, "receivedAt");
        text = text == null ? "" : text;
    }
}
