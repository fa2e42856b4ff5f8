package sa.civilaffairs.cc.console.visits;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Pattern;
import sa.civilaffairs.cc.DomainException;
import sa.civilaffairs.cc.cases.CaseStep;
import sa.civilaffairs.cc.cases.IllegalTransitionException;
import sa.civilaffairs.cc.cases.UnknownCaseException;
import sa.civilaffairs.cc.channel.Channel;
import sa.civilaffairs.cc.console.audit.AuditLog;
import sa.civilaffairs.cc.console.auth.Role;
import sa.civilaffairs.cc.console.web.ApiCall;
import sa.civilaffairs.cc.console.web.ApiException;
import sa.civilaffairs.cc.console.web.FieldErrors;
import sa.civilaffairs.cc.console.web.Inputs;
import sa.civilaffairs.cc.identity.Mobile;
import sa.civilaffairs.cc.identity.NationalId;
import sa.civilaffairs.cc.office.Region;
import sa.civilaffairs.cc.reference.Reference;
import sa.civilaffairs.cc.registry.CivilRegistry;
import sa.civilaffairs.cc.registry.Person;
import sa.civilaffairs.cc.registry.RegistryAnswer;
import sa.civilaffairs.cc.text.Language;
import sa.civilaffairs.cc.visit.Eligibility;
import sa.civilaffairs.cc.visit.NewVisitRequest;
import sa.civilaffairs.cc.visit.PlaceType;
import sa.civilaffairs.cc.visit.VisitAssessment;
import sa.civilaffairs.cc.visit.VisitCategory;
import sa.civilaffairs.cc.visit.VisitEligibility;
import sa.civilaffairs.cc.visit.VisitRequest;
import sa.civilaffairs.cc.visit.VisitSchedule;
import sa.civilaffairs.cc.visit.VisitStatus;

/**
 * Taqdeer requests: {@code POST /api/visits/assess} shows the registry's eligibility, {@code POST /api/visits} files,
 * {@code GET /api/visits/queue} lists the work queue, {@code GET /api/visits/{reference}} shows one with its steps,
 * {@code POST /api/visits/{reference}/step} moves it. Overriding the registry's verdict is for supervisors only and
 * needs a reason.
 */
public final class VisitsApi {
    private static final Pattern FORM_TOKEN = Pattern.compile("[A-Za-z0-9-]{8,64}");
    static final int QUEUE_LIMIT = 200;

    private final VisitDesk desk;
    private final CivilRegistry registry;
    private final AuditLog audit;

    public VisitsApi(VisitDesk desk, CivilRegistry registry, AuditLog audit) {
        this.desk = desk;
        this.registry = registry;
        this.audit = audit;
    }

    /** {@code {beneficiary, category?}} → {@code {eligible, eligibility?, category?, refusal?, age, name}}. */
    public JsonObject assess(ApiCall call) {
        FieldErrors errors = new FieldErrors();
        Optional<NationalId> id = Inputs.nationalId(call, "beneficiary", errors);
        Optional<VisitCategory> claimed = Inputs.optionalEnum(call, "category", VisitCategory.class, errors);
        errors.throwIfAny();
        Person p = person(id.get(), "beneficiary");
        audit.append(call.actor().did(VisitDesk.ASSESS, id, "eligibility"));
        return assessment(p, claimed, call.language());
    }

    private JsonObject assessment(Person p, Optional<VisitCategory> claimed, Language lang) {
        LocalDate today = desk.today();
        VisitAssessment a = claimed.isPresent() ? VisitEligibility.assess(p, claimed.get(), today)
                : VisitEligibility.assess(p, today);
        JsonObject out = new JsonObject().put("age", p.ageOn(today)).put("disability", p.disability())
                .put("name", lang == Language.AR ? p.nameAr() : p.nameEn());
        if (a instanceof VisitAssessment.Accepted acc) {
            return out.put("accepted", true).put("eligibility", acc.eligibility().name())
                    .put("category", acc.category().name());
        }
        return out.put("accepted", false).put("refusal", ((VisitAssessment.Refused) a).reason().name());
    }

    /**
     * {@code {beneficiary, requester?, contact, category, placeType, region, city, address, formToken, smsLanguage?,
     * overrideReason?}}. A refused or to-review assessment may be overridden by a supervisor with a reason.
     */
    public JsonObject submit(ApiCall call) {
        FieldErrors errors = new FieldErrors();
        Optional<NationalId> beneficiary = Inputs.nationalId(call, "beneficiary", errors);
        Optional<NationalId> requester = call.input("requester").isEmpty() ? Optional.empty()
                : Inputs.nationalId(call, "requester", errors);
        Optional<Mobile> contact = Inputs.mobile(call, "contact", errors);
        Optional<VisitCategory> category = Inputs.requiredEnum(call, "category", VisitCategory.class, errors);
        Optional<PlaceType> place = Inputs.requiredEnum(call, "placeType", PlaceType.class, errors);
        Optional<Region> region = Inputs.requiredEnum(call, "region", Region.class, errors);
        String city = Inputs.text(call, "city", NewVisitRequest.MAX_CITY, false, errors);
        String address = Inputs.text(call, "address", NewVisitRequest.MAX_ADDRESS, false, errors);
        String overrideReason = Inputs.text(call, "overrideReason", 300, true, errors);
        boolean override = Boolean.TRUE.equals(call.body().getValue("override"));
        String token = call.input("formToken");
        if (!FORM_TOKEN.matcher(token).matches()) {
            errors.add("formToken", "field.formToken");
        }
        Language smsLanguage = "en".equalsIgnoreCase(call.input("smsLanguage")) ? Language.EN : Language.AR;
        if (override && call.session().role() == Role.AGENT) {
            throw ApiException.invalidWith(403, "OVERRIDE_FORBIDDEN", "override", "field.overrideSupervisor");
        }
        if (override && overrideReason.isEmpty()) {
            errors.add("overrideReason", "field.overrideReason");
        }
        errors.throwIfAny();
        Person p = person(beneficiary.get(), "beneficiary");
        VisitAssessment a = VisitEligibility.assess(p, category.get(), desk.today());
        Eligibility eligibility;
        VisitCategory filedCategory = category.get();
        if (override) {
            eligibility = Eligibility.OVERRIDDEN;
        } else if (a instanceof VisitAssessment.Accepted acc) {
            eligibility = acc.eligibility();
            filedCategory = acc.category();
        } else {
            VisitAssessment.RefusalReason reason = ((VisitAssessment.Refused) a).reason();
            throw ApiException.invalidWith(409, "VISIT_NOT_ELIGIBLE", "category",
                    "field.visitRefused." + reason.name());
        }
        NewVisitRequest request;
        try {
            request = new NewVisitRequest(beneficiary.get(), requester, contact.get(), filedCategory, place.get(),
                    region.get(), city, address, eligibility, Channel.CONSOLE, smsLanguage, call.session().username());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw ApiException.of(400, "INVALID_INPUT", "error.invalidInput");
        }
        VisitDesk.Done done = desk.submit(call.actor(), request, token,
                override ? Optional.of(overrideReason) : Optional.empty());
        call.status(201);
        return new JsonObject().put("request", json(done.request(), call.language())).put("smsQueued", done.smsQueued());
    }

    /** Query {@code region?, status?, minAgeDays?} → {@code {requests: [...]}}, oldest first. */
    public JsonObject queue(ApiCall call) {
        FieldErrors errors = new FieldErrors();
        Optional<Region> region = Inputs.optionalEnum(call, "region", Region.class, errors);
        Optional<VisitStatus> status = Inputs.optionalEnum(call, "status", VisitStatus.class, errors);
        int minAgeDays = 0;
        String age = call.input("minAgeDays");
        if (!age.isEmpty()) {
            if (!age.matches("[0-9]{1,3}")) {
                errors.add("minAgeDays", "field.ageDays");
            } else {
                minAgeDays = Integer.parseInt(age);
            }
        }
        errors.throwIfAny();
        JsonArray list = new JsonArray();
        for (VisitRequest r : desk.queue(region, status, Duration.ofDays(minAgeDays), QUEUE_LIMIT)) {
            list.add(summary(r, call.language()));
        }
        return new JsonObject().put("requests", list);
    }

    public JsonObject show(ApiCall call) {
        Reference reference = reference(call);
        VisitRequest r = desk.find(call.actor(), reference).orElseThrow(VisitsApi::notFound);
        return new JsonObject().put("request", json(r, call.language()));
    }

    /** {@code {status, note?, date?, from?, to?, team?}}: date, window and team for SCHEDULED, a reason for DECLINED. */
    public JsonObject step(ApiCall call) {
        Reference reference = reference(call);
        FieldErrors errors = new FieldErrors();
        Optional<VisitStatus> to = Inputs.requiredEnum(call, "status", VisitStatus.class, errors);
        String note = Inputs.text(call, "note", CaseStep.MAX_NOTE, true, errors);
        Optional<VisitSchedule> schedule = Optional.empty();
        if (to.filter(s -> s == VisitStatus.DECLINED).isPresent() && note.isEmpty()) {
            errors.add("note", "field.declineReason");
        }
        if (to.filter(s -> s == VisitStatus.SUBMITTED).isPresent()) {
            errors.add("status", "field.choice");
        }
        if (to.filter(s -> s == VisitStatus.SCHEDULED).isPresent()) {
            schedule = schedule(call, errors);
        }
        errors.throwIfAny();
        try {
            VisitDesk.Done done = desk.advance(call.actor(), reference, to.get(), note, schedule);
            return new JsonObject().put("request", json(done.request(), call.language()))
                    .put("smsQueued", done.smsQueued());
        } catch (UnknownCaseException e) {
            throw notFound();
        } catch (IllegalTransitionException e) {
            throw ApiException.invalidWith(409, "ILLEGAL_STEP", "status", "field.illegalStep");
        }
    }

    private Optional<VisitSchedule> schedule(ApiCall call, FieldErrors errors) {
        LocalDate date = null;
        LocalTime from = null;
        LocalTime until = null;
        try {
            date = call.input("date").isEmpty() ? null : LocalDate.parse(call.input("date"));
            if (date == null) {
                errors.add("date", "field.required");
            } else if (date.isBefore(desk.today())) {
                errors.add("date", "field.dateInPast");
            }
        } catch (DateTimeParseException e) {
            errors.add("date", "field.date");
        }
        from = time(call, "from", errors);
        until = time(call, "to", errors);
        if (from != null && until != null && !from.isBefore(until)) {
            errors.add("to", "field.windowOrder");
        }
        String team = Inputs.text(call, "team", 80, false, errors);
        if (errors.has("date") || errors.has("from") || errors.has("to") || errors.has("team")) {
            return Optional.empty();
        }
        return Optional.of(new VisitSchedule(date, from, until, team));
    }

    private static LocalTime time(ApiCall call, String field, FieldErrors errors) {
        String typed = call.input(field);
        if (typed.isEmpty()) {
            errors.add(field, "field.required");
            return null;
        }
        if (!typed.matches("[0-2][0-9]:[0-5][0-9]")) {
            errors.add(field, "field.time");
            return null;
        }
        try {
            return LocalTime.parse(typed);
        } catch (DateTimeParseException e) {
            errors.add(field, "field.time");
            return null;
        }
    }

    private Person person(NationalId id, String field) {
        RegistryAnswer answer = registry.lookup(id);
        if (answer instanceof RegistryAnswer.Found f) {
            return f.person();
        }
        if (answer instanceof RegistryAnswer.NotFound) {
            throw ApiException.invalidWith(404, "PERSON_NOT_FOUND", field, "error.personNotFound");
        }
        throw ApiException.registryUnavailable();
    }

    private static Reference reference(ApiCall call) {
        try {
            Reference r = Reference.parse(call.pathParam("reference"));
            if (r.value().charAt(0) != sa.civilaffairs.cc.reference.ReferenceKind.VISIT_REQUEST.digit()) {
                throw notFound();
            }
            return r;
        } catch (DomainException e) {
            throw notFound();
        }
    }

    private static ApiException notFound() {
        return ApiException.of(404, "VISIT_NOT_FOUND", "error.visitNotFound");
    }

    private static JsonObject summary(VisitRequest r, Language lang) {
        return new JsonObject().put("reference", r.reference().value()).put("status", r.status().name())
                .put("region", r.region().name()).put("regionName", r.region().name(lang)).put("city", r.city())
                .put("category", r.category().name()).put("eligibility", r.eligibility().name())
                .put("createdAt", r.createdAt().toString());
    }

    static JsonObject json(VisitRequest r, Language lang) {
        JsonArray steps = new JsonArray();
        for (CaseStep<VisitStatus> s : r.history()) {
            steps.add(new JsonObject().put("status", s.status().name()).put("at", s.at().toString())
                    .put("by", s.by()).put("note", s.note()));
        }
        JsonObject out = summary(r, lang).put("beneficiary", r.beneficiary().value())
                .put("requester", r.requester().map(NationalId::value).orElse(null))
                .put("contact", r.contact().masked()).put("placeType", r.placeType().name())
                .put("address", r.address()).put("steps", steps);
        r.schedule().ifPresent(s -> out.put("schedule", new JsonObject().put("date", s.date().toString())
                .put("from", s.from().toString()).put("to", s.to().toString()).put("team", s.team())));
        return out;
    }
}
