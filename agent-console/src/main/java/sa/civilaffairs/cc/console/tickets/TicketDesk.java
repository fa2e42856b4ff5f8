package sa.civilaffairs.cc.console.tickets;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sa.civilaffairs.cc.cases.IllegalTransitionException;
import sa.civilaffairs.cc.cases.UnknownCaseException;
import sa.civilaffairs.cc.console.audit.Actor;
import sa.civilaffairs.cc.console.audit.AuditAction;
import sa.civilaffairs.cc.console.audit.AuditLog;
import sa.civilaffairs.cc.feedback.NewTicket;
import sa.civilaffairs.cc.feedback.Ticket;
import sa.civilaffairs.cc.feedback.TicketStatus;
import sa.civilaffairs.cc.feedback.Tickets;
import sa.civilaffairs.cc.lost.LostReport;
import sa.civilaffairs.cc.lost.LostReports;
import sa.civilaffairs.cc.lost.NewLostReport;
import sa.civilaffairs.cc.notify.MessageTemplates;
import sa.civilaffairs.cc.notify.Notifier;
import sa.civilaffairs.cc.office.Region;
import sa.civilaffairs.cc.outbox.Lane;
import sa.civilaffairs.cc.reference.Reference;

/**
 * Tahseen tickets and lost-document reports as the console works them: every change audited before it is written,
 * the citizen told by SMS after (when a contact mobile is known). Thread-safe; blocking.
 */
public final class TicketDesk {
    public static final AuditAction TICKET_OPEN = new AuditAction("TICKET_OPEN");
    public static final AuditAction TICKET_STEP = new AuditAction("TICKET_STEP");
    public static final AuditAction TICKET_VIEW = new AuditAction("TICKET_VIEW");
    public static final AuditAction LOST_REPORT = new AuditAction("LOST_REPORT");
    public static final AuditAction LOST_STEP = new AuditAction("LOST_STEP");
    public static final AuditAction LOST_VIEW = new AuditAction("LOST_VIEW");
    private static final Logger log = LoggerFactory.getLogger(TicketDesk.class);

    private final Tickets tickets;
    private final LostReports lost;
    private final Notifier notifier;
    private final MessageTemplates templates;
    private final AuditLog audit;

    public TicketDesk(Tickets tickets, LostReports lost, Notifier notifier, MessageTemplates templates,
                      AuditLog audit) {
        this.tickets = tickets;
        this.lost = lost;
        this.notifier = notifier;
        this.templates = templates;
        this.audit = audit;
    }

    public record Done<T>(T value, boolean smsQueued) {
    }

    public Done<Ticket> open(Actor actor, NewTicket ticket, String formToken) {
        audit.append(actor.did(TICKET_OPEN, ticket.person(), ticket.kind() + " " + ticket.region()));
        Ticket t = tickets.open(ticket, "console:" + actor.username() + ":" + formToken);
        return new Done<>(t, t.contact().isPresent() && tell(t.contact().get(), t.language(), "ticket.opened",
                Map.of("ref", t.reference().value())));
    }

    public Done<Ticket> advance(Actor actor, Reference reference, TicketStatus to, String note) {
        Ticket current = tickets.find(reference).orElseThrow(() -> new UnknownCaseException(reference));
        if (!current.status().canMoveTo(to)) {
            throw new IllegalTransitionException(reference, current.status(), to, "not allowed from "
                    + current.status());
        }
        audit.append(actor.did(TICKET_STEP, current.person(), reference.value() + " " + current.status() + " → " + to));
        Ticket t = tickets.advance(reference, to, actor.username(), note);
        boolean sms = false;
        if (t.contact().isPresent()) {
            String ref = t.reference().value();
            sms = switch (to) {
                case ANSWERED -> tell(t.contact().get(), t.language(), "ticket.answered", Map.of("ref", ref));
                case CLOSED -> tell(t.contact().get(), t.language(), "ticket.closed", Map.of("ref", ref));
                default -> tell(t.contact().get(), t.language(), "ticket.updated", Map.of("ref", ref, "status",
                        templates.render("state.ticket." + to.name().toLowerCase(Locale.ROOT), t.language(),
                                Map.of())));
            };
        }
        return new Done<>(t, sms);
    }

    public Optional<Ticket> ticket(Actor actor, Reference reference) {
        Optional<Ticket> t = tickets.find(reference);
        t.ifPresent(found -> audit.append(actor.did(TICKET_VIEW, found.person(), reference.value())));
        return t;
    }

    public List<Ticket> queue(Optional<Region> region, Optional<TicketStatus> status, int limit) {
        return tickets.queue(region, status, limit);
    }

    public Done<LostReport> report(Actor actor, NewLostReport report, String formToken) {
        audit.append(actor.did(LOST_REPORT, Optional.of(report.person()), report.document().name()));
        LostReport r = lost.report(report, "console:" + actor.username() + ":" + formToken);
        return new Done<>(r, r.contact().isPresent() && tell(r.contact().get(), r.language(), "lost.reported",
                Map.of("ref", r.reference().value())));
    }

    public Done<LostReport> linkReplacement(Actor actor, Reference report, Reference appointment) {
        LostReport current = lost.find(report).orElseThrow(() -> new UnknownCaseException(report));
        audit.append(actor.did(LOST_STEP, Optional.of(current.person()), report.value() + " replacement "
                + appointment.value()));
        LostReport r = lost.linkReplacement(report, appointment, actor.username());
        return new Done<>(r, r.contact().isPresent() && tell(r.contact().get(), r.language(), "lost.replacement",
                Map.of("ref", report.value(), "appointment", appointment.value())));
    }

    public Done<LostReport> close(Actor actor, Reference report, String note) {
        LostReport current = lost.find(report).orElseThrow(() -> new UnknownCaseException(report));
        if (current.status().terminal()) {
            throw new IllegalTransitionException(report, current.status(), current.status(), "closed already");
        }
        audit.append(actor.did(LOST_STEP, Optional.of(current.person()), report.value() + " closed"));
        LostReport r = lost.close(report, actor.username(), note);
        return new Done<>(r, r.contact().isPresent() && tell(r.contact().get(), r.language(), "lost.closed",
                Map.of("ref", report.value())));
    }

    public Optional<LostReport> lostReport(Actor actor, Reference reference) {
        Optional<LostReport> r = lost.find(reference);
        r.ifPresent(found -> audit.append(actor.did(LOST_VIEW, Optional.of(found.person()), reference.value())));
        return r;
    }

    private boolean tell(sa.civilaffairs.cc.identity.Mobile to, sa.civilaffairs.cc.text.Language language,
                         String template, Map<String, String> values) {
        try {
            notifier.send(to, Lane.NOTIFICATION, template, language, values);
            return true;
        } catch (RuntimeException e) {
            log.warn("SMS {} not queued: {}", template, e.toString());
            return false;
        }
    }
}
