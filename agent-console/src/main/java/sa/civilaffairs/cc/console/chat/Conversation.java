package sa.civilaffairs.cc.console.chat;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import sa.civilaffairs.cc.identity.Mobile;
import sa.civilaffairs.cc.text.Language;

/**
 * One SMS chat between a citizen and the contact center, as the agents' desk sees it (the citizen's messages come from
 * the dialog engine's inbox stream, {@code {chat}:inbox}); ids are the desk's own ({@code c<n>}), never the number.
 *
 * @param agent     the console user who claimed it, empty while OPEN
 * @param openedAt  when the citizen sent CHAT
 * @param lastAt    the last message or change
 */
public record Conversation(String id, Mobile citizen, Language language, ChatStatus status, String agent,
                           Instant openedAt, Instant lastAt) {
    public Conversation {
        if (id == null || !id.matches("c[0-9]+")) {
            throw new IllegalArgumentException("conversation id: " + id + " (expected: c followed by digits)");
        }
        Objects.requireNonNull(citizen, "citizen");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(openedAt, "openedAt");
        Objects.requireNonNull(lastAt, "lastAt");
        agent = agent == null ? "" : agent;
    }

    /** How long it has waited unclaimed (zero once claimed). */
    public Duration unclaimedFor(Instant now) {
        if (status != ChatStatus.OPEN) {
            return Duration.ZERO;
        }
        Duration d = Duration.between(openedAt, now);
        return d.isNegative() ? Duration.ZERO : d;
    }
}
