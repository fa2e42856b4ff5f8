package sa.civilaffairs.cc.chat;

import sa.civilaffairs.cc.identity.Mobile;

/**
 * The agents' inbox of SMS conversations (PRODUCT.md, "Agent console: SMS conversations"). The dialog engine appends
 * what citizens write; the console shows the stream and answers through {@link ChatReplies}, which appends the answer
 * here and sends it by SMS. One conversation per number. Thread-safe; blocks on Redis.
 */
public interface ChatInbox {

    /** Appends the message; returns the stream entry id. */
    String append(ChatMessage message);

    /** The conversation id of a number: stable, so every message of that number lands in one conversation. */
    static String conversationOf(Mobile number) {
        return "sms-" + number.e164();
    }
}
