package sa.civilaffairs.cc.console.live;

/** The console's link to Asterisk, as shown to supervisors (and to agents: a pop cannot arrive while it is down). */
public enum AmiHealth {
    /** First connection attempt under way. */
    CONNECTING,
    /** Logged in; events flow; state rebuilt from QueueStatus. */
    CONNECTED,
    /** The connection was lost or refused; retrying with backoff. The live view may be stale. */
    RECONNECTING,
    /** Asterisk refused the AMI user or secret; retried rarely (no storm) until the config is fixed. */
    AUTH_FAILED,
    /** The console closed the link. */
    CLOSED
}
