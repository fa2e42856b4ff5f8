package sa.civilaffairs.cc.console.live;

/** An agent's state as supervisors see it, derived from queue-member events and the calls offered. */
public enum AgentState {
    /** Member of a queue, not paused, not on a call: Asterisk may ring them. */
    READY,
    /** A queue call rings them (AgentCalled) — their screen pop is showing. */
    RINGING,
    /** Talking to a caller from the queue (AgentConnect until AgentComplete). */
    ON_CALL,
    /** Paused in every queue (QueuePause) with a reason other than wrap-up. */
    PAUSED,
    /** After-call work: paused with the wrap-up reason, or within the member's wrapuptime after a call. */
    WRAP_UP,
    /** The member's device is unavailable or invalid (Status 4/5). */
    UNAVAILABLE,
    /** Not a member of any queue right now. */
    LOGGED_OUT
}
