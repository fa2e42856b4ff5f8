package sa.civilaffairs.cc.console.chat;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import sa.civilaffairs.cc.console.chat.DeskMessage;

import sa.civilaffairs.cc.console.live.ScreenPop;

/** Conversations and messages as the chat inbox shows them: the citizen's number masked (last four digits). */
public final class ChatJson {
    private ChatJson() {
    }

    public static JsonObject conversation(Conversation c, Instant now) {
        return new JsonObject().put("id", c.id()).put("citizen", ScreenPop.maskNumber(c.citizen().e164()))
                .put("language", c.language().code()).put("status", c.status().name()).put("agent", c.agent())
                .put("openedAt", c.openedAt().toString()).put("lastAt", c.lastAt().toString())
                .put("unclaimedSeconds", c.unclaimedFor(now).toSeconds());
    }

    public static JsonObject message(DeskMessage m) {
        return new JsonObject().put("id", m.id()).put("conversation", m.conversationId())
                .put("direction", m.direction().name()).put("author", m.author()).put("text", m.text())
                .put("at", m.at().toString());
    }
}
