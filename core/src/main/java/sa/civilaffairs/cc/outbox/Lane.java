package sa.civilaffairs.cc.outbox;

/**
 * Sending priority. The gateway drains {@link #REPLY} before {@link #NOTIFICATION} before {@link #BULK}, so a citizen
 * waiting for an answer is never queued behind a night's reminders.
 */
public enum Lane {
    /** An answer to a message the citizen just sent; sent even to numbers that sent STOP. */
    REPLY,
    /** A confirmation or status change the citizen is waiting for (booking, visit step, ticket update). */
    NOTIFICATION,
    /** Reminders and other bulk sends; not sent to numbers that sent STOP. */
    BULK
}
