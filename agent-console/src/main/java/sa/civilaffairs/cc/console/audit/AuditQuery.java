package sa.civilaffairs.cc.console.audit;

import java.time.Instant;
import java.util.Optional;
import sa.civilaffairs.cc.identity.NationalId;

/**
 * A search of the audit log: entries written in {@code [from, to)}, newest first, optionally only one actor's or only
 * those about one person. {@code before} continues a previous page (the {@link AuditPage#next()} it returned).
 */
public record AuditQuery(Optional<String> actor, Optional<NationalId> subject, Instant from, Instant to,
                         Optional<String> before, int limit) {
    public static final int MAX_LIMIT = 200;

    public AuditQuery {
        actor = actor == null ? Optional.empty() : actor;
        subject = subject == null ? Optional.empty() : subject;
        before = before == null ? Optional.empty() : before;
        if (from == null || to == null || !from.isBefore(to)) {
            throw new IllegalArgumentException("audit range: " + from + " .. " + to + " (expected: from before to)");
        }
        if (before.isPresent() && !isCursor(before.get())) {
            throw new IllegalArgumentException("before: '" + before.get() + "' (expected: a cursor from a previous page)");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit: " + limit + " (expected: 1-" + MAX_LIMIT + ")");
        }
    }

    /** Whether {@code cursor} has the form of {@link AuditPage#next()}. */
    public static boolean isCursor(String cursor) {
        return cursor != null && cursor.matches("\\d{1,19}-\\d{1,19}");
    }

    public boolean matches(AuditEvent e) {
        return actor.map(a -> a.equals(e.actor())).orElse(true)
                && subject.map(s -> e.subject().map(s::equals).orElse(false)).orElse(true);
    }
}
