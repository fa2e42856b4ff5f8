package sa.civilaffairs.cc.dialog;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import sa.civilaffairs.cc.identity.Mobile;

/**
 * One dialog per phone number, and the answers already given to each incoming message id, so that a message handled
 * twice (a crash before the acknowledgement) is answered with the same replies and changes nothing more.
 * Thread-safe; blocks on Redis.
 */
public interface DialogStore {

    /** The number's dialog if the citizen wrote within the expiry before {@code now}. */
    Optional<Dialog> find(Mobile number, Instant now);

    /** {@code true} when the number had a dialog that expired by {@code now} (to say so rather than show help). */
    boolean lapsed(Mobile number, Instant now);

    /** The replies already given to message {@code messageId} of {@code number}, if it was handled. */
    Optional<List<Reply>> answered(Mobile number, String messageId);

    /**
     * Atomically records the turn: the dialog goes on as {@code next} (or ends when empty) and {@code replies} are
     * remembered as the answer to {@code messageId}.
     */
    void commit(Mobile number, Optional<Dialog> next, String messageId, List<Reply> replies);
}
