package sa.civilaffairs.cc.console.tickets;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import sa.civilaffairs.cc.DomainException;
import sa.civilaffairs.cc.cases.CaseStatus;
import sa.civilaffairs.cc.cases.CaseStep;
import sa.civilaffairs.cc.cases.IllegalTransitionException;
import sa.civilaffairs.cc.cases.UnknownCaseException;
import sa.civilaffairs.cc.channel.Channel;
import sa.civilaffairs.cc.console.web.ApiCall;
import sa.civilaffairs.cc.console.web.ApiException;
import sa.civilaffairs.cc.console.web.FieldErrors;
import sa.civilaffairs.cc.console.web.Inputs;
import sa.civilaffairs.cc.feedback.NewTicket;
import sa.civilaffairs.cc.feedback.Ticket;
import sa.civilaffairs.cc.feedback.TicketKind;
import sa.civilaffairs.cc.feedback.TicketStatus;
import sa.civilaffairs.cc.feedback.TicketText;
import sa.civilaffairs.cc.identity.Mobile;
import sa.civilaffairs.cc.identity.NationalId;
import sa.civilaffairs.cc.lost.LostDocument;
import sa.civilaffairs.cc.lost.LostReport;
import sa.civilaffairs.cc.lost.NewLostReport;
import sa.civilaffairs.cc.office.Region;
import sa.civilaffairs.cc.reference.Reference;
import sa.civilaffairs.cc.reference.ReferenceKind;
import sa.civilaffairs.cc.registry.CivilRegistry;
import sa.civilaffairs.cc.registry.RegistryAnswer;
import sa.civilaffairs.cc.text.Language;

/**
 * Tahseen tickets ({@code /api/tickets…}) and lost-document reports ({@code /api/lost…}): create, route (a step to
 * ROUTED for the region chosen at creation), update, close; each change audited and the citizen told by SMS.
 */
public final class TicketsApi {
    private static final Pattern FORM_TOKEN = Pattern.compile("[A-Za-z0-9-]{8,64}");
    static final int QUEUE_LIMIT = 200;

    private final TicketDesk desk;
    private final CivilRegistry registry;

    public TicketsApi(TicketDesk desk, CivilRegistry registry) {
        this.desk = desk;
        this.registry = registry;
    }

    /** {@code {kind, region, text, nationalId?, contact?, formToken, smsLanguage?}} → 201 {@code {ticket, smsQueued}}. */
    public JsonObject open(ApiCall call) {
        FieldErrors errors = new FieldErrors();
        Optional<TicketKind> kind = Inputs.requiredEnum(call, "kind", TicketKind.class, errors);
        Optional<Region> region = Inputs.requiredEnum(call, "region", Region.class, errors);
        String typed = Inputs.text(call, "text", TicketText.MAX, false, errors);
        Optional<NationalId> person = call.input("nationalId").isEmpty() ? Optional.empty()
                : Inputs.nationalId(call, "nationalId", errors);
        Optional<Mobile> contact = Inputs.optionalMobile(call, "contact", errors);
        String token = token(call, errors);
        Language language = smsLanguage(call);
        TicketText text = null;
        if (!errors.has("text")) {
            try {
                text = new TicketText(typed);
            } catch (IllegalArgumentException e) {
                errors.add("text", "field.plainText");
            }
        }
        errors.throwIfAny();
        TicketDesk.Done<Ticket> done = desk.open(call.actor(), new NewTicket(kind.get(), region.get(), text, person,
                contact, Channel.CONSOLE, language, call.session().username()), token);
        call.status(201);
        return new JsonObject().put("ticket", ticket(done.value(), call.language())).put("smsQueued", done.smsQueued());
    }

    /** Query {@code region?, status?} → {@code {tickets}}, oldest first. */
    public JsonObject queue(ApiCall call) {
        FieldErrors errors = new FieldErrors();
        Optional<Region> region = Inputs.optionalEnum(call, "region", Region.class, errors);
        Optional<TicketStatus> status = Inputs.optionalEnum(call, "status", TicketStatus.class, errors);
        errors.throwIfAny();
        JsonArray list = new JsonArray();
        desk.queue(region, status, QUEUE_LIMIT).forEach(t -> list.add(summary(t, call.language())));
        return new JsonObject().put("tickets", list);
    }

    public JsonObject showTicket(ApiCall call) {
        Reference ref = reference(call, ReferenceKind.TICKET, "TICKET_NOT_FOUND");
        return new JsonObject().put("ticket", ticket(desk.ticket(call.actor(), ref)
                .orElseThrow(() -> ApiException.of(404, "TICKET_NOT_FOUND", "error.caseNotFound")), call.language()));
    }

    /** {@code {status, note?}}. */
    public JsonObject step(ApiCall call) {
        Reference ref = reference(call, ReferenceKind.TICKET, "TICKET_NOT_FOUND");
        FieldErrors errors = new FieldErrors();
        Optional<TicketStatus> to = Inputs.requiredEnum(call, "status", TicketStatus.class, errors);
        String note = Inputs.text(call, "note", CaseStep.MAX_NOTE, true, errors);
        if (to.filter(s -> s == TicketStatus.OPEN).isPresent()) {
            errors.add("status", "field.choice");
        }
        errors.throwIfAny();
        try {
            TicketDesk.Done<Ticket> done = desk.advance(call.actor(), ref, to.get(), note);
            return new JsonObject().put("ticket", ticket(done.value(), call.language()))
                    .put("smsQueued", done.smsQueued());
        } catch (UnknownCaseException e) {
            throw ApiException.of(404, "TICKET_NOT_FOUND", "error.caseNotFound");
        } catch (IllegalTransitionException e) {
            throw ApiException.invalidWith(409, "ILLEGAL_STEP", "status", "field.illegalStep");
        }
    }

    /** {@code {nationalId, document, where?, when?, contact?, formToken, smsLanguage?}} → 201. */
    public JsonObject report(ApiCall call) {
        FieldErrors errors = new FieldErrors();
        Optional<NationalId> person = Inputs.nationalId(call, "nationalId", errors);
        Optional<LostDocument> document = Inputs.requiredEnum(call, "document", LostDocument.class, errors);
        String where = Inputs.text(call, "where", NewLostReport.MAX_FREE_TEXT, true, errors);
        String when = Inputs.text(call, "when", NewLostReport.MAX_FREE_TEXT, true, errors);
        Optional<Mobile> typed = Inputs.optionalMobile(call, "contact", errors);
        String token = token(call, errors);
        Language language = smsLanguage(call);
        errors.throwIfAny();
        Optional<Mobile> contact = typed;
        RegistryAnswer answer = registry.lookup(person.get());
        if (answer instanceof RegistryAnswer.NotFound) {
            throw ApiException.invalidWith(404, "PERSON_NOT_FOUND", "nationalId", "error.personNotFound");
        }
        if (answer instanceof RegistryAnswer.Found f) {
            contact = typed.or(() -> f.person().mobile());
        } else if (typed.isEmpty()) {
            throw ApiException.registryUnavailable();
        }
        TicketDesk.Done<LostReport> done = desk.report(call.actor(), new NewLostReport(person.get(), document.get(),
                where, when, contact, Channel.CONSOLE, language, call.session().username()), token);
        call.status(201);
        return new JsonObject().put("report", lost(done.value())).put("smsQueued", done.smsQueued());
    }

    public JsonObject showLost(ApiCall call) {
        Reference ref = reference(call, ReferenceKind.LOST_REPORT, "LOST_REPORT_NOT_FOUND");
        return new JsonObject().put("report", lost(desk.lostReport(call.actor(), ref)
                .orElseThrow(() -> ApiException.of(404, "LOST_REPORT_NOT_FOUND", "error.caseNotFound"))));
    }

    /** {@code {appointment}}: the replacement appointment's reference. */
    public JsonObject replacement(ApiCall call) {
        Reference ref = reference(call, ReferenceKind.LOST_REPORT, "LOST_REPORT_NOT_FOUND");
        FieldErrors errors = new FieldErrors();
        Reference appointment = null;
        try {
            appointment = Reference.parse(call.input("appointment"));
            if (appointment.value().charAt(0) != ReferenceKind.APPOINTMENT.digit()) {
                errors.add("appointment", "field.appointmentReference");
            }
        } catch (DomainException e) {
            errors.add("appointment", call.input("appointment").isEmpty() ? "field.required"
                    : "field.appointmentReference");
        }
        errors.throwIfAny();
        return lostStep(call, () -> desk.linkReplacement(call.actor(), ref, appointmentOf(call)));
    }

    /** {@code {note?}}. */
    public JsonObject close(ApiCall call) {
        Reference ref = reference(call, ReferenceKind.LOST_REPORT, "LOST_REPORT_NOT_FOUND");
        FieldErrors errors = new FieldErrors();
        String note = Inputs.text(call, "note", CaseStep.MAX_NOTE, true, errors);
        errors.throwIfAny();
        return lostStep(call, () -> desk.close(call.actor(), ref, note));
    }

    private static Reference appointmentOf(ApiCall call) {
        return Reference.parse(call.input("appointment"));
    }

    private JsonObject lostStep(ApiCall call, java.util.function.Supplier<TicketDesk.Done<LostReport>> step) {
        try {
            TicketDesk.Done<LostReport> done = step.get();
            return new JsonObject().put("report", lost(done.value())).put("smsQueued", done.smsQueued());
        } catch (UnknownCaseException e) {
            throw ApiException.of(404, "LOST_REPORT_NOT_FOUND", "error.caseNotFound");
        } catch (IllegalTransitionException e) {
            throw ApiException.of(409, "ILLEGAL_STEP", "field.illegalStep");
        }
    }

    private static String token(ApiCall call, FieldErrors errors) {
        String token = call.input("formToken");
        if (!FORM_TOKEN.matcher(token).matches()) {
            errors.add("formToken", "field.formToken");
        }
        return token;
    }

    private static Language smsLanguage(ApiCall call) {
        return "en".equalsIgnoreCase(call.input("smsLanguage")) ? Language.EN : Language.AR;
    }

    private static Reference reference(ApiCall call, ReferenceKind kind, String code) {
        try {
            Reference r = Reference.parse(call.pathParam("reference"));
            if (r.value().charAt(0) != kind.digit()) {
                throw ApiException.of(404, code, "error.caseNotFound");
            }
            return r;
        } catch (DomainException e) {
            throw ApiException.of(404, code, "error.caseNotFound");
        }
    }

    private static <S extends Enum<S> & CaseStatus<S>> JsonArray steps(List<CaseStep<S>> history) {
        JsonArray steps = new JsonArray();
        for (CaseStep<S> s : history) {
            steps.add(new JsonObject().put("status", s.status().name()).put("at", s.at().toString())
                    .put("by", s.by()).put("note", s.note()));
        }
        return steps;
    }

    private static JsonObject summary(Ticket t, Language lang) {
        return new JsonObject().put("reference", t.reference().value()).put("kind", t.kind().name())
                .put("region", t.region().name()).put("regionName", t.region().name(lang))
                .put("status", t.status().name()).put("createdAt", t.createdAt().toString());
    }

    static JsonObject ticket(Ticket t, Language lang) {
        return summary(t, lang).put("text", t.text().value())
                .put("nationalId", t.person().map(NationalId::value).orElse(null))
                .put("contact", t.contact().map(Mobile::masked).orElse(null)).put("steps", steps(t.history()));
    }

    static JsonObject lost(LostReport r) {
        return new JsonObject().put("reference", r.reference().value()).put("nationalId", r.person().value())
                .put("document", r.document().name()).put("where", r.where()).put("when", r.when())
                .put("contact", r.contact().map(Mobile::masked).orElse(null)).put("status", r.status().name())
                .put("replacementAppointment", r.replacementAppointment().map(Reference::value).orElse(null))
                .put("createdAt", r.createdAt().toString()).put("steps", steps(r.history()));
    }
}
