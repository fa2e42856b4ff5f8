package sa.civilaffairs.cc.console.visits;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sa.civilaffairs.cc.calendar.CitizenDates;
import sa.civilaffairs.cc.console.audit.Actor;
import sa.civilaffairs.cc.console.audit.AuditAction;
import sa.civilaffairs.cc.console.audit.AuditLog;
import sa.civilaffairs.cc.identity.NationalId;
import sa.civilaffairs.cc.notify.Notifier;
import sa.civilaffairs.cc.office.Region;
import sa.civilaffairs.cc.outbox.Lane;
import sa.civilaffairs.cc.reference.Reference;
import sa.civilaffairs.cc.visit.Eligibility;
import sa.civilaffairs.cc.visit.NewVisitRequest;
import sa.civilaffairs.cc.visit.VisitRequest;
import sa.civilaffairs.cc.visit.VisitRequests;
import sa.civilaffairs.cc.visit.VisitSchedule;
import sa.civilaffairs.cc.visit.VisitStatus;

/**
 * Taqdeer visit requests as the console works them: filed on a requester's behalf, moved step by step, each step
 * audited (who, when) before it is written and the requester told by SMS after. Thread-safe; blocking.
 */
public final class VisitDesk {
    public static final AuditAction SUBMIT = new AuditAction("VISIT_SUBMIT");
    public static final AuditAction OVERRIDE = new AuditAction("VISIT_OVERRIDE");
    public static final AuditAction ADVANCE = new AuditAction("VISIT_STEP");
    public static final AuditAction VIEW = new AuditAction("VISIT_VIEW");
    /** The registry's data was read to assess a beneficiary's eligibility. */
    public static final AuditAction ASSESS = new AuditAction("VISIT_ASSESS");
    private static final Logger log = LoggerFactory.getLogger(VisitDesk.class);

    private final VisitRequests requests;
    private final Notifier notifier;
    private final AuditLog audit;
    private final Clock clock;

    public VisitDesk(VisitRequests requests, Notifier notifier, AuditLog audit, Clock clock) {
        this.requests = requests;
        this.notifier = notifier;
        this.audit = audit;
        this.clock = clock;
    }

    public record Done(VisitRequest request, boolean smsQueued) {
    }

    /** Files the request; an override is audited with its reason as its own entry. */
    public Done submit(Actor actor, NewVisitRequest request, String formToken, Optional<String> overrideReason) {
        audit.append(actor.did(SUBMIT, Optional.of(request.beneficiary()), request.category() + " "
                + request.region() + " " + request.eligibility()));
        if (request.eligibility() == Eligibility.OVERRIDDEN) {
            audit.append(actor.did(OVERRIDE, Optional.of(request.beneficiary()), overrideReason.orElse("")));
        }
        VisitRequest filed = requests.submit(request, "console:" + actor.username() + ":" + formToken);
        String template = filed.eligibility() == Eligibility.TO_REVIEW ? "visit.submitted.review"
                : "visit.submitted.eligible";
        return new Done(filed, tell(filed, template, Map.of("ref", filed.reference().value())));
    }

    public Done advance(Actor actor, Reference reference, VisitStatus to, String note,
                        Optional<VisitSchedule> schedule) {
        VisitRequest current = requests.find(reference)
                .orElseThrow(() -> new sa.civilaffairs.cc.cases.UnknownCaseException(reference));
        if (!current.status().canMoveTo(to)) {
            // Refused before anything is written, so the audit log records changes, not attempts.
            throw new sa.civilaffairs.cc.cases.IllegalTransitionException(reference, current.status(), to,
                    "not allowed from " + current.status());
        }
        audit.append(actor.did(ADVANCE, Optional.of(current.beneficiary()), reference.value() + " " + current.status()
                + " → " + to + schedule.map(s -> " " + s.date() + " " + s.from() + "-" + s.to()).orElse("")));
        VisitRequest moved = requests.advance(reference, to, actor.username(), note, schedule);
        String template = "visit." + to.name().toLowerCase(java.util.Locale.ROOT);
        Map<String, String> values = switch (to) {
            case SCHEDULED -> Map.of("ref", reference.value(),
                    "date", CitizenDates.date(schedule.orElseThrow().date(), moved.language()),
                    "window", CitizenDates.time(schedule.get().from()) + "-" + CitizenDates.time(schedule.get().to()));
            case DECLINED -> Map.of("ref", reference.value(), "reason", note);
            default -> Map.of("ref", reference.value());
        };
        boolean sms = to != VisitStatus.SUBMITTED && tell(moved, template, values);
        return new Done(moved, sms);
    }

    public Optional<VisitRequest> find(Actor actor, Reference reference) {
        Optional<VisitRequest> found = requests.find(reference);
        found.ifPresent(r -> audit.append(actor.did(VIEW, Optional.of(r.beneficiary()), reference.value())));
        return found;
    }

    /** The work queue, oldest first; {@code minAge} keeps requests at least that old. */
    public List<VisitRequest> queue(Optional<Region> region, Optional<VisitStatus> status, Duration minAge,
                                    int limit) {
        Instant before = clock.instant().minus(minAge);
        return requests.queue(region, status, limit).stream().filter(r -> !r.createdAt().isAfter(before)).toList();
    }

    public List<VisitRequest> of(NationalId person) {
        return requests.of(person);
    }

    public java.time.LocalDate today() {
        return sa.civilaffairs.cc.calendar.RiyadhTime.today(clock);
    }

    private boolean tell(VisitRequest r, String template, Map<String, String> values) {
        try {
            notifier.send(r.contact(), Lane.NOTIFICATION, template, r.language(), values);
            return true;
        } catch (RuntimeException e) {
            log.warn("SMS {} for visit request {} not queued: {}", template, r.reference().value(), e.toString());
            return false;
        }
    }
}
