package sa.civilaffairs.cc.chat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import sa.civilaffairs.cc.identity.Mobile;
import sa.civilaffairs.cc.text.Language;

/**
 * The SMS chat between citizens and agents (issue 7). Two sides use it:
 * <ul>
 *   <li>the SMS dialog engine: a citizen's {@code CHAT} keyword calls {@link #open}; any later SMS from a number with
 *       a conversation not yet closed goes to {@link #continueIfOpen} before the dialog engine reads it as a
 *       command (an empty answer means: no chat, handle it as usual);</li>
 *   <li>the agent console: {@link #active} lists conversations, {@link #claim} gives one to exactly one agent,
 *       {@link #reply} sends the agent's text by SMS through the outbox (lane REPLY), {@link #close} ends it.</li>
 * </ul>
 * Every change is also appended to a change stream (the Redis implementation: {@code {chat}:inbox}, see
 * {@code chat.redis.ChatKeys}) so every console instance can push it to its browsers. Thread-safe.
 */
public interface ChatInbox {
    /** Opens a conversation for {@code citizen} with its first message, or adds the message to the open one. */
    Conversation open(Mobile citizen, Language language, String text, Instant at);

    /** Adds the citizen's message to their conversation if one is open or claimed; empty if none. */
    Optional<Conversation> continueIfOpen(Mobile citizen, String text, Instant at);

    /** Gives an OPEN conversation to {@code agent}; atomic, one agent wins. Claiming one's own again is fine. */
    Conversation claim(String conversationId, String agent, Instant at);

    /**
     * Sends {@code text} to the citizen by SMS (outbox, lane REPLY) and records it; only the agent who claimed the
     * conversation may reply.
     */
    ChatMessage reply(String conversationId, String agent, String text, Instant at);

    /** Ends a conversation claimed by {@code agent}. */
    Conversation close(String conversationId, String agent, Instant at);

    /** OPEN and CLAIMED conversations, oldest first. */
    List<Conversation> active();

    Optional<Conversation> conversation(String conversationId);

    /** The conversation's messages in order (the last {@code limit}). */
    List<ChatMessage> messages(String conversationId, int limit);
}
