package sa.civilaffairs.cc.console.chat;

/** Where a chat conversation stands: waiting for an agent, held by one, or over. */
public enum ChatStatus {
    /** Opened by the citizen (CHAT keyword); no agent has claimed it yet. It ages visibly in the inbox. */
    OPEN,
    /** One agent claimed it; only that agent may reply or close it. */
    CLAIMED,
    /** Closed by the agent; the citizen's next CHAT opens a new conversation. */
    CLOSED
}
