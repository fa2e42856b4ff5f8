package sa.civilaffairs.cc.chat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import sa.civilaffairs.cc.identity.Mobile;
import sa.civilaffairs.cc.text.Language;

/**
 * One message of a text conversation between a citizen (who sent محادثة / CHAT) and the agents: {@code IN} from the
 * citizen, {@code OUT} from an agent ({@code agent} is the login, empty for IN). The text may hold personal data:
 * never log it.
 */
public record ChatMessage(String conversation, Mobile number, Direction direction, String text, Language language,
                          String agent, Instant at) {

    public enum Direction { IN, OUT }

    public ChatMessage {
        if (conversation == null || conversation.isBlank()) {
            throw new IllegalArgumentException("chat: empty conversation id (expected: ChatInbox.conversationOf)");
        }
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(at, "at");
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("chat: empty text (expected: the message)");
        }
        agent = agent == null ? "" : agent;
    }

    public Map<String, String> toFields() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("conversation", conversation);
        fields.put("number", number.e164());
        fields.put("direction", direction.name());
        fields.put("text", text);
        fields.put("lang", language.code());
        fields.put("agent", agent);
        fields.put("at", Long.toString(at.toEpochMilli()));
        return fields;
    }

    public static ChatMessage fromFields(Map<String, String> fields) {
        return new ChatMessage(fields.get("conversation"), new Mobile(fields.get("number")),
                Direction.valueOf(fields.get("direction")), fields.get("text"),
                Language.fromCode(fields.get("lang")), fields.get("agent"),
                Instant.ofEpochMilli(Long.parseLong(fields.get("at"))));
    }
}
