package sa.civilaffairs.cc.ivr.agidouble;

/** What the caller of an {@link AsteriskDouble} call does when Asterisk runs the IVR's next command. */
public sealed interface Move {

    /** Presses {@code keys} while the command runs (they carry over to the next reading command if not all read). */
    record Keys(String keys) implements Move {
        public Keys {
            if (keys == null || keys.isEmpty() || !keys.chars().allMatch(c -> "0123456789*#ABCD".indexOf(c) >= 0)) {
                throw new IllegalArgumentException("keys: " + keys + " (expected: DTMF digits 0-9 * # A-D)");
            }
        }
    }

    /** Lets the command run to its end: a playback plays fully, a read times out. */
    record Nothing() implements Move {
    }

    /** Hangs up during the command: Asterisk answers {@code 200 result=-1}, then {@code HANGUP} and {@code 511}. */
    record HangUp() implements Move {
    }

    /** The network goes: the TCP connection closes without a word. */
    record DropSocket() implements Move {
    }

    Move NOTHING = new Nothing();
}
