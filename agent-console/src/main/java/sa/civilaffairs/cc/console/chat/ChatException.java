package sa.civilaffairs.cc.console.chat;

import sa.civilaffairs.cc.console.ConsoleException;

/** A chat action the conversation's state does not allow; {@link #reason()} says which rule refused it. */
public final class ChatException extends ConsoleException {
    public enum Reason { UNKNOWN_CONVERSATION, ALREADY_CLAIMED, NOT_YOURS, CLOSED }

    private final Reason reason;

    public ChatException(Reason reason, String conversationId) {
        super("chat " + conversationId + ": " + reason);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
