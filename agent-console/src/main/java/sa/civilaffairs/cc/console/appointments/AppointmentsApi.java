package sa.civilaffairs.cc.console.appointments;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import sa.civilaffairs.cc.booking.Appointment;
import sa.civilaffairs.cc.booking.BookingOutcome;
import sa.civilaffairs.cc.booking.FreeSlot;
import sa.civilaffairs.cc.booking.SlotKey;
import sa.civilaffairs.cc.console.web.ApiCall;
import sa.civilaffairs.cc.console.web.ApiException;
import sa.civilaffairs.cc.console.web.FieldErrors;
import sa.civilaffairs.cc.console.web.Inputs;
import sa.civilaffairs.cc.identity.Mobile;
import sa.civilaffairs.cc.identity.NationalId;
import sa.civilaffairs.cc.office.CivilService;
import sa.civilaffairs.cc.office.Office;
import sa.civilaffairs.cc.office.OfficeId;
import sa.civilaffairs.cc.office.Region;
import sa.civilaffairs.cc.office.Section;
import sa.civilaffairs.cc.reference.Reference;
import sa.civilaffairs.cc.reference.ReferenceKind;
import sa.civilaffairs.cc.registry.CivilRegistry;
import sa.civilaffairs.cc.registry.Person;
import sa.civilaffairs.cc.registry.RegistryAnswer;
import sa.civilaffairs.cc.text.Language;

/**
 * The appointment API: {@code GET /api/appointments/choices} walks service → region → office → section → day → time
 * from live availability; {@code POST /api/appointments} books, {@code …/{reference}/reschedule} moves,
 * {@code …/{reference}/cancel} cancels, {@code POST /api/appointments/of} lists a person's appointments. National IDs
 * travel in bodies, never in URLs. Refusals are JSON with a code and a message per field.
 */
public final class AppointmentsApi {
    private static final Pattern FORM_TOKEN = Pattern.compile("[A-Za-z0-9-]{8,64}");

    private final AppointmentDesk desk;
    private final CivilRegistry registry;

    public AppointmentsApi(AppointmentDesk desk, CivilRegistry registry) {
        this.desk = desk;
        this.registry = registry;
    }

    /**
     * Query {@code service, region, office, section, date}, each optional but in that order: the answer lists the
     * services, and for each given level the choices of the next (regions, offices, sections, days, free times).
     */
    public JsonObject choices(ApiCall call) {
        Language lang = call.language();
        FieldErrors errors = new FieldErrors();
        JsonObject out = new JsonObject();
        JsonArray services = new JsonArray();
        for (CivilService s : CivilService.values()) {
            services.add(new JsonObject().put("code", s.name()).put("name", s.name(lang)));
        }
        out.put("services", services);
        Optional<CivilService> service = Inputs.optionalEnum(call, "service", CivilService.class, errors);
        Optional<Region> region = Inputs.optionalEnum(call, "region", Region.class, errors);
        Optional<OfficeId> office = officeIn(call, errors);
        Optional<Section> section = Inputs.optionalEnum(call, "section", Section.class, errors);
        Optional<LocalDate> date = call.input("date").isEmpty() ? Optional.empty() : date(call, errors);
        errors.throwIfAny();
        if (service.isEmpty()) {
            return out;
        }
        JsonArray regions = new JsonArray();
        desk.regions(service.get()).forEach(r -> regions.add(new JsonObject().put("code", r.name())
                .put("name", r.name(lang))));
        out.put("regions", regions);
        if (region.isPresent()) {
            JsonArray offices = new JsonArray();
            for (Office o : desk.offices(service.get(), region.get())) {
                offices.add(new JsonObject().put("id", o.id().value()).put("name", o.name(lang))
                        .put("city", o.city(lang)));
            }
            out.put("offices", offices);
        }
        if (office.isEmpty()) {
            return out;
        }
        JsonArray sections = new JsonArray();
        desk.sections(office.get(), service.get()).forEach(s -> sections.add(new JsonObject().put("code", s.name())
                .put("name", s.name(lang))));
        out.put("sections", sections);
        if (section.isEmpty()) {
            return out;
        }
        JsonArray days = new JsonArray();
        desk.days(office.get(), section.get(), service.get()).forEach(d -> days.add(new JsonObject()
                .put("date", d.toString()).put("label", sa.civilaffairs.cc.calendar.CitizenDates.date(d, lang))));
        out.put("days", days);
        if (date.isPresent()) {
            JsonArray times = new JsonArray();
            for (FreeSlot f : desk.slots(office.get(), section.get(), service.get(), date.get())) {
                times.add(new JsonObject().put("time", AppointmentDesk.hhmm(f.start())).put("free", f.free()));
            }
            out.put("times", times);
        }
        return out;
    }

    /**
     * {@code {nationalId, mobile?, service, office, section, date, time, formToken, smsLanguage?}} → 201 with the
     * appointment. {@code formToken} is generated by the form once per booking attempt: a double-click or a retry
     * after a lost answer returns the same appointment, never a second one.
     */
    public JsonObject book(ApiCall call) {
        FieldErrors errors = new FieldErrors();
        Optional<NationalId> person = Inputs.nationalId(call, "nationalId", errors);
        Optional<Mobile> typedMobile = Inputs.optionalMobile(call, "mobile", errors);
        Optional<SlotKey> slot = slot(call, errors);
        String token = formToken(call, errors);
        Language smsLanguage = smsLanguage(call, errors);
        errors.throwIfAny();
        Optional<Mobile> contact = contact(person.get(), typedMobile);
        AppointmentDesk.Change change = desk.book(call.actor(), slot.get(), person.get(), contact, token, smsLanguage);
        call.status(201);
        return answer(change, call.language());
    }

    /** {@code {nationalId, mobile?, service, office, section, date, time, formToken}} moves the appointment. */
    public JsonObject reschedule(ApiCall call) {
        Reference reference = reference(call);
        FieldErrors errors = new FieldErrors();
        Optional<NationalId> person = Inputs.nationalId(call, "nationalId", errors);
        Optional<Mobile> typedMobile = Inputs.optionalMobile(call, "mobile", errors);
        Optional<SlotKey> slot = slot(call, errors);
        String token = formToken(call, errors);
        Language smsLanguage = smsLanguage(call, errors);
        errors.throwIfAny();
        return answer(desk.reschedule(call.actor(), reference, slot.get(), person.get(), typedMobile, token,
                smsLanguage),
                call.language());
    }

    /** {@code {nationalId}}: the appointment must be this person's. */
    public JsonObject cancel(ApiCall call) {
        Reference reference = reference(call);
        FieldErrors errors = new FieldErrors();
        Optional<NationalId> person = Inputs.nationalId(call, "nationalId", errors);
        Language smsLanguage = smsLanguage(call, errors);
        errors.throwIfAny();
        return answer(desk.cancel(call.actor(), reference, person.get(), smsLanguage), call.language());
    }

    /** {@code {nationalId}} → {@code {appointments: [...]}}, newest first. */
    public JsonObject of(ApiCall call) {
        FieldErrors errors = new FieldErrors();
        Optional<NationalId> person = Inputs.nationalId(call, "nationalId", errors);
        errors.throwIfAny();
        JsonArray list = new JsonArray();
        desk.of(call.actor(), person.get()).forEach(a -> list.add(json(a, call.language())));
        return new JsonObject().put("appointments", list);
    }

    private JsonObject answer(AppointmentDesk.Change change, Language lang) {
        if (change.outcome() instanceof BookingOutcome.Booked b) {
            return new JsonObject().put("appointment", json(b.appointment(), lang)).put("smsQueued",
                    change.smsQueued());
        }
        if (change.outcome() instanceof BookingOutcome.Refused r) {
            throw refusal(r);
        }
        throw new IllegalStateException("unexpected outcome " + change.outcome());
    }

    static ApiException refusal(BookingOutcome.Refused r) {
        return switch (r.reason()) {
            case SLOT_FULL -> ApiException.invalidWith(409, "SLOT_FULL", "time", "field.slotFull");
            case NO_SUCH_SLOT -> ApiException.invalidWith(400, "NO_SUCH_SLOT", "time", "field.noSuchSlot");
            case SLOT_IN_PAST -> ApiException.invalidWith(409, "SLOT_IN_PAST", "time", "field.slotInPast");
            case ALREADY_BOOKED -> ApiException.of(409, "ALREADY_BOOKED", "error.alreadyBooked",
                    r.existing().map(Reference::value).orElse("-"));
            case HOLD_EXPIRED -> ApiException.of(409, "HOLD_EXPIRED", "error.slotFull");
            case NOT_FOUND -> ApiException.of(404, "APPOINTMENT_NOT_FOUND", "error.appointmentNotFound");
            case NOT_ACTIVE -> ApiException.of(409, "APPOINTMENT_NOT_ACTIVE", "error.appointmentNotActive");
        };
    }

    private JsonObject json(Appointment a, Language lang) {
        SlotKey s = a.slot();
        return new JsonObject().put("reference", a.reference().value()).put("status", a.status().name())
                .put("service", s.service().name()).put("serviceName", s.service().name(lang))
                .put("office", s.office().value()).put("officeName", desk.officeName(s.office(), lang))
                .put("section", s.section().name()).put("sectionName", s.section().name(lang))
                .put("date", s.date().toString()).put("time", AppointmentDesk.hhmm(s.start()))
                .put("contact", a.contact().map(Mobile::masked).orElse(null))
                .put("channel", a.channel().name()).put("bookedAt", a.bookedAt().toString());
    }

    /** The typed mobile, or the registry's; the person must exist and be alive. */
    private Optional<Mobile> contact(NationalId person, Optional<Mobile> typed) {
        RegistryAnswer answer = registry.lookup(person);
        if (answer instanceof RegistryAnswer.NotFound) {
            throw ApiException.invalidWith(404, "PERSON_NOT_FOUND", "nationalId", "error.personNotFound");
        }
        if (answer instanceof RegistryAnswer.Found f) {
            if (f.person().status() == Person.LifeStatus.DECEASED) {
                throw ApiException.invalidWith(409, "PERSON_DECEASED", "nationalId", "field.deceased");
            }
            return typed.isPresent() ? typed : f.person().mobile();
        }
        throw ApiException.registryUnavailable();
    }

    private Optional<SlotKey> slot(ApiCall call, FieldErrors errors) {
        Optional<CivilService> service = Inputs.requiredEnum(call, "service", CivilService.class, errors);
        Optional<OfficeId> office = officeIn(call, errors);
        if (office.isEmpty() && !errors.has("office")) {
            errors.add("office", "field.required");
        }
        Optional<Section> section = Inputs.requiredEnum(call, "section", Section.class, errors);
        Optional<LocalDate> date = date(call, errors);
        Optional<LocalTime> time = time(call, errors);
        if (office.isPresent() && desk.catalogue().office(office.get()).isEmpty()) {
            errors.add("office", "field.office");
            return Optional.empty();
        }
        if (service.isEmpty() || office.isEmpty() || section.isEmpty() || date.isEmpty() || time.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new SlotKey(office.get(), section.get(), service.get(), date.get(), time.get()));
    }

    private static Optional<OfficeId> officeIn(ApiCall call, FieldErrors errors) {
        String typed = call.input("office");
        if (typed.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new OfficeId(typed));
        } catch (IllegalArgumentException e) {
            errors.add("office", "field.office");
            return Optional.empty();
        }
    }

    private Optional<LocalDate> date(ApiCall call, FieldErrors errors) {
        String typed = call.input("date");
        if (typed.isEmpty()) {
            errors.add("date", "field.required");
            return Optional.empty();
        }
        try {
            LocalDate d = LocalDate.parse(typed);
            if (d.isBefore(desk.today())) {
                errors.add("date", "field.dateInPast");
                return Optional.empty();
            }
            if (d.isAfter(desk.today().plusDays(366))) {
                errors.add("date", "field.dateTooFar");
                return Optional.empty();
            }
            return Optional.of(d);
        } catch (DateTimeParseException e) {
            errors.add("date", "field.date");
            return Optional.empty();
        }
    }

    private static Optional<LocalTime> time(ApiCall call, FieldErrors errors) {
        String typed = call.input("time");
        if (typed.isEmpty()) {
            errors.add("time", "field.required");
            return Optional.empty();
        }
        if (!typed.matches("[0-2][0-9]:[0-5][0-9]")) {
            errors.add("time", "field.time");
            return Optional.empty();
        }
        try {
            return Optional.of(LocalTime.parse(typed));
        } catch (DateTimeParseException e) {
            errors.add("time", "field.time");
            return Optional.empty();
        }
    }

    private static String formToken(ApiCall call, FieldErrors errors) {
        String token = call.input("formToken");
        if (!FORM_TOKEN.matcher(token).matches()) {
            errors.add("formToken", "field.formToken");
        }
        return token;
    }

    private static Language smsLanguage(ApiCall call, FieldErrors errors) {
        String typed = call.input("smsLanguage").toLowerCase(Locale.ROOT);
        if (typed.isEmpty() || typed.equals("ar")) {
            return Language.AR;
        }
        if (typed.equals("en")) {
            return Language.EN;
        }
        errors.add("smsLanguage", "field.smsLanguage");
        return Language.AR;
    }

    private static Reference reference(ApiCall call) {
        try {
            Reference r = Reference.parse(call.pathParam("reference"));
            if (ReferenceKind.ofDigit(r.value().charAt(0)).filter(k -> k == ReferenceKind.APPOINTMENT).isEmpty()) {
                throw ApiException.of(404, "APPOINTMENT_NOT_FOUND", "error.appointmentNotFound");
            }
            return r;
        } catch (sa.civilaffairs.cc.DomainException e) {
            throw ApiException.of(404, "APPOINTMENT_NOT_FOUND", "error.appointmentNotFound");
        }
    }
}
