package sa.civilaffairs.cc.dialog;

import java.time.Instant;
import sa.civilaffairs.cc.identity.Mobile;

/**
 * Caps how often one number is answered, so that two auto-responders cannot keep each other busy (PRODUCT.md, "SMS on
 * 77799"): a few unsolicited answers (help for unknown input) and a larger number of answers in all, per minute.
 * Thread-safe.
 */
public interface ReplyThrottle {

    /** Counts one answer to {@code number}; {@code false} when it must not be sent. */
    boolean allow(Mobile number, boolean unsolicited, Instant now);

    /** {@code true} the first time within a day that {@code number} sent an over-long or binary message. */
    boolean firstOversized(Mobile number, Instant now);
}
