package sa.civilaffairs.cc.chat;

import sa.civilaffairs.cc.DomainException;

/** A chat action the conversation's state does not allow; {@link #reason()} says which rule refused it. */
public final class ChatException extends DomainException {
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
