package sa.civilaffairs.cc.console.chat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import sa.civilaffairs.cc.identity.Mobile;
import sa.civilaffairs.cc.text.Language;

/**
 * The agents' desk over the SMS chat (issue 7). The dialog engine appends what citizens write after CHAT to the core
 * inbox stream ({@code chat.ChatInbox}, {@code {chat}:inbox}); the console feeds each citizen message to
 * {@link #fromCitizen} (once, whichever instance reads it), which opens a conversation or continues the open one.
 * Agents then {@link #claim} (atomic: one agent wins), {@link #reply} (only the claimer; the SMS goes out on the
 * outbox REPLY lane and is appended to the inbox as OUT), {@link #close}. Every change is appended to the desk's
 * change stream so every console instance can push it to its browsers. Thread-safe; blocks on Redis.
 */
public interface ChatDesk {
    /**
     * A citizen's message read from the inbox stream at {@code inboxEntryId}: opens their conversation or continues
     * the one not yet closed. Empty if this entry was already applied (another instance, a re-read).
     */
    Optional<Conversation> fromCitizen(String inboxEntryId, Mobile citizen, Language language, String text,
                                       Instant at);

    /** Gives an OPEN conversation to {@code agent}; one agent wins. Claiming one's own again is fine. */
    Conversation claim(String conversationId, String agent, Instant at);

    /** Sends {@code text} to the citizen by SMS and records it; only the agent who claimed it may reply. */
    DeskMessage reply(String conversationId, String agent, String text, Instant at);

    /** Ends a conversation claimed by {@code agent}; the citizen's next message opens a new one. */
    Conversation close(String conversationId, String agent, Instant at);

    /** OPEN and CLAIMED conversations, oldest first. */
    List<Conversation> active();

    Optional<Conversation> conversation(String conversationId);

    /** The conversation's messages in order (the last {@code limit}). */
    List<DeskMessage> messages(String conversationId, int limit);
}
