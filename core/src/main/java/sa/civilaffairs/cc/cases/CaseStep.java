package sa.civilaffairs.cc.cases;

import java.time.Instant;
import java.util.Objects;

/**
 * One entry of a case's history: the status it moved to, when, by whom ({@code by}: an agent's login,
 * {@code "sms"}, {@code "ivr"}, {@code "system"}), and a free note (a declined visit's reason, an answer's summary).
 * Notes may hold personal data typed by an agent: they are shown on the console, never put in events or logs.
 */
public record CaseStep<S extends Enum<S> & CaseStatus<S>>(S status, Instant at, String by, String note) {
    public static final int MAX_NOTE = 1000;

    public CaseStep {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(at, "at");
        if (by == null || by.isBlank()) {
            throw new IllegalArgumentException("step.by: empty (expected: who made the change, e.g. an agent login,"
                    + " sms, ivr)");
        }
        note = note == null ? "" : note.strip();
        if (note.length() > MAX_NOTE) {
            throw new IllegalArgumentException("step.note: " + note.length() + " characters (expected: at most "
                    + MAX_NOTE + ")");
        }
    }
}
