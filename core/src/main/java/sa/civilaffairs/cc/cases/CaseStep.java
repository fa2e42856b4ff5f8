package sa.civilaffairs.cc.cases;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import sa.civilaffairs.cc.reference.Reference;

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

    /**
     * The history with a step to {@code to} appended, after checking the state machine: the last step's status must
     * allow {@code to}. Pure; the stores write the result.
     *
     * @throws IllegalTransitionException when the move is not allowed
     */
    public static <S extends Enum<S> & CaseStatus<S>> List<CaseStep<S>> append(Reference reference,
            List<CaseStep<S>> history, S to, Instant at, String by, String note) {
        S from = history.get(history.size() - 1).status();
        if (!from.canMoveTo(to)) {
            throw new IllegalTransitionException(reference, from, to,
                    from.terminal() ? "the case is finished" : "not a next step of " + from.name());
        }
        List<CaseStep<S>> next = new ArrayList<>(history.size() + 1);
        next.addAll(history);
        next.add(new CaseStep<>(to, at, by, note));
        return List.copyOf(next);
    }

    /** Checks a case's invariant: a history of at least one step whose last status is {@code status}. */
    public static <S extends Enum<S> & CaseStatus<S>> List<CaseStep<S>> requireHistory(S status,
            List<CaseStep<S>> history) {
        if (history == null || history.isEmpty()) {
            throw new IllegalArgumentException("history: empty (expected: at least the first step)");
        }
        S last = history.get(history.size() - 1).status();
        if (last != status) {
            throw new IllegalArgumentException("status: " + status + " (expected: the last step's, " + last + ")");
        }
        return List.copyOf(history);
    }
}
