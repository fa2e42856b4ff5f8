package sa.civilaffairs.cc.console.web;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import sa.civilaffairs.cc.console.audit.AuditAction;
import sa.civilaffairs.cc.console.audit.AuditEntry;
import sa.civilaffairs.cc.console.audit.AuditLog;
import sa.civilaffairs.cc.console.audit.AuditPage;
import sa.civilaffairs.cc.console.audit.AuditQuery;
import sa.civilaffairs.cc.console.auth.ConsoleUser;
import sa.civilaffairs.cc.identity.NationalId;

/**
 * {@code /api/audit/search} (supervisors and admins): by actor, by national ID, by date range (Riyadh dates,
 * inclusive), newest first, in pages. The log has no route that edits or deletes; searching it is itself audited.
 */
public final class AuditApi {
    static final ZoneId RIYADH = ZoneId.of("Asia/Riyadh");
    static final int MAX_DAYS = 366;
    static final int PAGE = 50;

    private final AuditLog audit;
    private final java.time.Clock clock;

    public AuditApi(AuditLog audit, java.time.Clock clock) {
        this.audit = audit;
        this.clock = clock;
    }

    /** {@code {actor?, nationalId?, from?, to?, before?}} → {@code {entries: [...], next?}}. */
    public JsonObject search(ApiCall call) {
        FieldErrors errors = new FieldErrors();
        String actor = call.input("actor").toLowerCase(java.util.Locale.ROOT);
        if (!actor.isEmpty() && !ConsoleUser.isUsername(actor)) {
            errors.add("actor", "field.username");
        }
        String typedId = call.input("nationalId");
        Optional<NationalId> subject = Optional.empty();
        if (!typedId.isEmpty()) {
            subject = PersonApi.parseId(typedId, "nationalId", errors);
            if (subject.isEmpty()) {
                errors.add("nationalId", "field.nationalId");
            }
        }
        LocalDate today = LocalDate.now(clock.withZone(RIYADH));
        LocalDate from = date(call.input("from"), today.minusDays(6), "from", errors);
        LocalDate to = date(call.input("to"), today, "to", errors);
        if (from != null && to != null) {
            if (to.isBefore(from)) {
                errors.add("to", "field.dateOrder");
            } else if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
                errors.add("to", "field.dateRange", Integer.toString(MAX_DAYS));
            }
        }
        String before = call.input("before");
        if (!before.isEmpty() && !AuditQuery.isCursor(before)) {
            errors.add("before", "field.cursor");
        }
        errors.throwIfAny();
        AuditQuery query = new AuditQuery(actor.isEmpty() ? Optional.empty() : Optional.of(actor), subject,
                from.atStartOfDay(RIYADH).toInstant(), to.plusDays(1).atStartOfDay(RIYADH).toInstant(),
                before.isEmpty() ? Optional.empty() : Optional.of(before), PAGE);
        audit.append(call.actor().did(AuditAction.AUDIT_SEARCH, subject,
                "actor=" + (actor.isEmpty() ? "*" : actor) + " from=" + from + " to=" + to));
        AuditPage page = audit.search(query);
        JsonArray entries = new JsonArray();
        for (AuditEntry e : page.entries()) {
            entries.add(new JsonObject().put("id", e.id()).put("at", e.at().toString())
                    .put("actor", e.event().actor()).put("role", e.event().role().map(r -> r.code()).orElse(null))
                    .put("action", e.event().action().code())
                    .put("nationalId", e.event().subject().map(NationalId::value).orElse(null))
                    .put("detail", e.event().detail()).put("address", e.event().address()));
        }
        return new JsonObject().put("entries", entries).put("next", page.next().orElse(null))
                .put("from", from.toString()).put("to", to.toString());
    }

    private static LocalDate date(String typed, LocalDate fallback, String field, FieldErrors errors) {
        if (typed.isEmpty()) {
            return fallback;
        }
        try {
            return LocalDate.parse(sa.civilaffairs.cc.text.Digits.toWestern(typed));
        } catch (DateTimeParseException e) {
            errors.add(field, "field.date");
            return null;
        }
    }
}
