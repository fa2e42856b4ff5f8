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

    /**
     * What a turn starts from, read at once: the replies already given to message {@code messageId} (when it was
     * handled before), the number's dialog if the citizen wrote within the expiry before {@code now}, and whether a
     * dialog expired (to say so rather than show help).
     */
    Opening open(Mobile number, String messageId, Instant now);

    record Opening(Optional<List<Reply>> answered, Optional<Dialog> dialog, boolean lapsed) {
    }

    /**
     * Atomically records the turn: the dialog goes on as {@code next} (or ends when empty) and {@code replies} are
     * remembered as the answer to {@code messageId}.
     */
    void commit(Mobile number, Optional<Dialog> next, String messageId, List<Reply> replies);
}
