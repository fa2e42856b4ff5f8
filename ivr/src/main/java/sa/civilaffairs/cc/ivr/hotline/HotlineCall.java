package sa.civilaffairs.cc.ivr.hotline;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiException;
import org.asteriskjava.fastagi.command.SetVariableCommand;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sa.civilaffairs.cc.booking.Appointment;
import sa.civilaffairs.cc.booking.AppointmentStatus;
import sa.civilaffairs.cc.booking.BookingOutcome;
import sa.civilaffairs.cc.booking.BookingRequest;
import sa.civilaffairs.cc.booking.FreeSlot;
import sa.civilaffairs.cc.booking.Hold;
import sa.civilaffairs.cc.booking.SlotKey;
import sa.civilaffairs.cc.calendar.CitizenDates;
import sa.civilaffairs.cc.calendar.RiyadhTime;
import sa.civilaffairs.cc.channel.Channel;
import sa.civilaffairs.cc.events.DomainEvent;
import sa.civilaffairs.cc.identity.Mobile;
import sa.civilaffairs.cc.identity.NationalId;
import sa.civilaffairs.cc.ivr.IvrConfig;
import sa.civilaffairs.cc.ivr.agi.Entry;
import sa.civilaffairs.cc.ivr.agi.Voice;
import sa.civilaffairs.cc.ivr.prompt.Prompt;
import sa.civilaffairs.cc.ivr.prompt.Speech;
import sa.civilaffairs.cc.lost.LostDocument;
import sa.civilaffairs.cc.lost.LostReport;
import sa.civilaffairs.cc.lost.NewLostReport;
import sa.civilaffairs.cc.office.CivilService;
import sa.civilaffairs.cc.office.Office;
import sa.civilaffairs.cc.office.Region;
import sa.civilaffairs.cc.office.Section;
import sa.civilaffairs.cc.outbox.Lane;
import sa.civilaffairs.cc.reference.Reference;
import sa.civilaffairs.cc.reference.ReferenceKind;
import sa.civilaffairs.cc.registry.Person;
import sa.civilaffairs.cc.registry.RegistryAnswer;
import sa.civilaffairs.cc.text.Language;
import sa.civilaffairs.cc.visit.NewVisitRequest;
import sa.civilaffairs.cc.visit.PlaceType;
import sa.civilaffairs.cc.visit.VisitAssessment;
import sa.civilaffairs.cc.visit.VisitEligibility;
import sa.civilaffairs.cc.visit.VisitRequest;

/**
 * One call through the hotline's menus: an explicit state machine over {@link Step}, one method per step returning
 * the next. Rules that hold at every menu: {@code *} goes back one step, {@code 0} asks for an agent, silence repeats
 * the prompt twice and then goes to an agent, the third wrong entry goes to an agent. A slot hold lives only while the
 * caller is in {@link Step#CONFIRM}: leaving it any way but confirming, or the call ending, releases it.
 * Used by one thread; {@link HotlineScript} makes one per call.
 */
final class HotlineCall {

    private static final Logger LOG = LoggerFactory.getLogger(HotlineCall.class);
    private static final int SILENCES_BEFORE_AGENT = 2;
    private static final int WRONG_BEFORE_AGENT = 3;
    /** Steps that '*' never returns to: entries are asked again from the menu before them. */
    private static final Set<Step> NOT_RETURNED_TO = EnumSet.of(Step.NATIONAL_ID, Step.BENEFICIARY_ID, Step.CONFIRM,
            Step.CANCEL_CONFIRM, Step.LOST_REPLACEMENT, Step.AGENT, Step.DONE);

    private final HotlineServices services;
    private final IvrConfig config;
    private final AgiChannel channel;
    private final Voice voice;
    private final String uniqueId;
    private final Optional<Mobile> callerMobile;

    private Step step = Step.LANGUAGE;
    private final Deque<Step> back = new ArrayDeque<>();
    private int silences;
    private int wrongs;
    private int page;
    private final List<String> trail = new ArrayList<>();
    private Intent intent;
    private NationalId nationalId;
    private Person person;
    private Reference reference;
    private String endedHow = "caller hung up";

    private CivilService service;
    private Region region;
    private Office office;
    private LocalDate day;
    private Hold hold;
    private List<Appointment> appointments = List.of();
    private int appointmentIndex;
    private Person beneficiary;
    private VisitAssessment.Accepted assessment;
    private PlaceType placeType;
    private Reference lostReport;

    HotlineCall(HotlineServices services, IvrConfig config, AgiChannel channel, Voice voice, String uniqueId,
                String callerId) {
        this.services = services;
        this.config = config;
        this.channel = channel;
        this.voice = voice;
        this.uniqueId = uniqueId;
        this.callerMobile = callerId == null ? Optional.empty() : Mobile.tryParse(callerId);
    }

    Step step() {
        return step;
    }

    /** Runs the call to its end; an {@link AgiException} (hang-up, dropped socket) ends it where it is. */
    void run() throws AgiException {
        channel.answer();
        while (step != Step.DONE) {
            Step next = run(step);
            if (next != step) {
                if (step == Step.CONFIRM) {
                    releaseHold();
                }
                silences = 0;
                wrongs = 0;
                page = 0;
            }
            step = next;
        }
    }

    /** Gives back a held slot; called when the call ends, whatever ended it. */
    void releaseHold() {
        if (hold != null) {
            Hold h = hold;
            hold = null;
            services.book().release(h);
        }
    }

    /** One line for the log: masked ID, the step and how it ended. */
    String summary() {
        return "call " + uniqueId + " ended at " + step + " (" + endedHow + "), lang " + voice.language().code()
                + ", intent " + (intent == null ? "-" : intent.code()) + ", nid "
                + (nationalId == null ? "-" : nationalId.masked()) + ", trail " + String.join(">", trail);
    }

    void endedBy(String how) {
        endedHow = how;
    }

    private Step run(Step s) throws AgiException {
        return switch (s) {
            case LANGUAGE -> language();
            case MAIN_MENU -> mainMenu();
            case NATIONAL_ID -> nationalId();
            case SERVICE -> service();
            case REGION -> region();
            case OFFICE -> office();
            case DAY -> day();
            case TIME -> time();
            case CONFIRM -> confirm();
            case MY_APPOINTMENTS -> myAppointments();
            case CANCEL_CONFIRM -> cancelConfirm();
            case STATUS_REFERENCE -> statusReference();
            case TAQDEER_FOR -> taqdeerFor();
            case BENEFICIARY_ID -> beneficiaryId();
            case TAQDEER_PLACE -> taqdeerPlace();
            case TAQDEER_REGION -> taqdeerRegion();
            case LOST_DOCUMENT -> lostDocument();
            case LOST_REPLACEMENT -> lostReplacement();
            case AGENT -> agent();
            case DONE -> Step.DONE;
        };
    }

    // ---- steps ----------------------------------------------------------------------------------------------------

    private Step language() throws AgiException {
        voice.say(List.of(Prompt.in("welcome", Language.AR)));
        Entry e = voice.menu(List.of(Prompt.in("language-menu", Language.AR), Prompt.in("language-menu", Language.EN)));
        // no key, or any other key: Arabic (PRODUCT.md: "no key: Arabic")
        voice.language(e.is('2') ? Language.EN : Language.AR);
        trail.add(e.is('2') ? "2" : "1");
        return forward(Step.MAIN_MENU);
    }

    private Step mainMenu() throws AgiException {
        Entry e = voice.menu(List.of(Prompt.of("main-menu")));
        if (e.is('9')) {
            trail.add("9");
            return Step.MAIN_MENU;
        }
        Choice c = choice(e, 5);
        if (c instanceof Choice.Go go) {
            return go.step();
        }
        int n = ((Choice.Picked) c).n();
        service = null;
        lostReport = null;
        intent = switch (n) {
            case 1 -> Intent.BOOK;
            case 2 -> Intent.VISIT;
            case 3 -> Intent.APPOINTMENTS;
            case 4 -> Intent.LOST;
            default -> Intent.STATUS;
        };
        if ((intent == Intent.VISIT && services.visits().isEmpty())
                || (intent == Intent.LOST && services.lost().isEmpty())) {
            return forward(Step.AGENT);
        }
        if (intent == Intent.STATUS) {
            return forward(Step.STATUS_REFERENCE);
        }
        return forward(person == null ? Step.NATIONAL_ID : afterIdentity());
    }

    private Step afterIdentity() {
        return switch (intent) {
            case BOOK -> service == null ? Step.SERVICE : Step.REGION;
            case APPOINTMENTS -> Step.MY_APPOINTMENTS;
            case VISIT -> Step.TAQDEER_FOR;
            case LOST -> Step.LOST_DOCUMENT;
            default -> Step.MAIN_MENU;
        };
    }

    private Step nationalId() throws AgiException {
        Entry e = voice.digits(List.of(Prompt.of("enter-nid")), 11);
        Optional<Person> found = identify(e);
        if (found.isEmpty()) {
            return pendingStep;
        }
        person = found.get();
        nationalId = person.nationalId();
        return forward(afterIdentity());
    }

    /** Set by {@link #identify} when it does not yield a person: where the call goes instead. */
    private Step pendingStep;

    /** Reads a national ID entry and looks it up; empty (with {@link #pendingStep} set) when it did not work. */
    private Optional<Person> identify(Entry e) throws AgiException {
        if (e instanceof Entry.Key k && k.key() == '*') {
            pendingStep = back();
            return Optional.empty();
        }
        if (e instanceof Entry.Silence) {
            pendingStep = silence();
            return Optional.empty();
        }
        String digits = e instanceof Entry.Digits d ? d.digits() : "";
        if (!NationalId.isValid(digits)) {
            pendingStep = wrong("nid-invalid");
            return Optional.empty();
        }
        RegistryAnswer answer = services.registry().lookup(NationalId.parse(digits));
        if (answer instanceof RegistryAnswer.Found f) {
            return Optional.of(f.person());
        }
        if (answer instanceof RegistryAnswer.NotFound) {
            pendingStep = wrong("nid-unknown");
            return Optional.empty();
        }
        LOG.warn("call {}: civil registry unavailable ({})", uniqueId, ((RegistryAnswer.Unavailable) answer).reason());
        voice.say(List.of(Prompt.of("registry-down")));
        pendingStep = Step.AGENT;
        return Optional.empty();
    }

    private Section section() {
        return person.gender() == Person.Gender.F ? Section.WOMEN : Section.MEN;
    }

    private Step service() throws AgiException {
        List<CivilService> offered = List.of(CivilService.values()).stream()
                .filter(s -> !services.catalogue().regionsOffering(s, section()).isEmpty()).toList();
        Pick<CivilService> p = pick(Prompt.of("choose-service"), offered, s -> List.of(Speech.service(s)));
        if (p.go() != null) {
            return p.go();
        }
        service = p.item();
        return forward(Step.REGION);
    }

    private Step region() throws AgiException {
        List<Region> regions = services.catalogue().regionsOffering(service, section());
        Pick<Region> p = pick(Prompt.of("choose-region"), regions, r -> List.of(Speech.region(r)));
        if (p.go() != null) {
            return p.go();
        }
        region = p.item();
        return forward(Step.OFFICE);
    }

    private Step office() throws AgiException {
        List<Office> offices = services.catalogue().offering(service, region, section());
        Pick<Office> p = pick(Prompt.of("choose-office"), offices, o -> List.of(Speech.office(o.id())));
        if (p.go() != null) {
            return p.go();
        }
        office = p.item();
        return forward(Step.DAY);
    }

    private Step day() throws AgiException {
        List<LocalDate> days = services.book().daysWithFreeSlots(office.id(), section(), service,
                RiyadhTime.today(services.clock()), config.booking().daysOffered());
        if (days.isEmpty()) {
            voice.say(List.of(Prompt.of("no-slots")));
            return back();
        }
        Pick<LocalDate> p = pick(Prompt.of("choose-day"), days, Speech::shortDate);
        if (p.go() != null) {
            return p.go();
        }
        day = p.item();
        return forward(Step.TIME);
    }

    private Step time() throws AgiException {
        List<LocalTime> times = services.book().freeSlots(office.id(), section(), service, day).stream()
                .map(FreeSlot::start).toList();
        if (times.isEmpty()) {
            voice.say(List.of(Prompt.of("slot-taken")));
            return back();
        }
        Pick<LocalTime> p = pick(Prompt.of("choose-time"), times, Speech::time);
        if (p.go() != null) {
            return p.go();
        }
        SlotKey slot = new SlotKey(office.id(), section(), service, day, p.item());
        BookingOutcome outcome = services.book().hold(slot, nationalId, config.booking().holdTtl());
        if (outcome instanceof BookingOutcome.Held held) {
            hold = held.hold();
            return forward(Step.CONFIRM);
        }
        BookingOutcome.Refused refused = (BookingOutcome.Refused) outcome;
        if (refused.reason() == BookingOutcome.Refusal.ALREADY_BOOKED) {
            List<Prompt> say = new ArrayList<>(List.of(Prompt.of("already-booked")));
            refused.existing().ifPresent(r -> {
                reference = r;
                say.addAll(Speech.reference(r));
            });
            voice.say(say);
            return forward(Step.MAIN_MENU);
        }
        voice.say(List.of(Prompt.of("slot-taken")));
        return Step.TIME;
    }

    private Step confirm() throws AgiException {
        SlotKey slot = hold.slot();
        List<Prompt> say = new ArrayList<>();
        say.add(Prompt.of("your-appointment"));
        say.add(Speech.office(slot.office()));
        say.addAll(Speech.date(slot.date()));
        say.addAll(Speech.time(slot.start()));
        say.add(Prompt.of("confirm-menu"));
        Choice c = choice(voice.menu(say), 2);
        if (c instanceof Choice.Go go) {
            return go.step();
        }
        if (((Choice.Picked) c).n() == 2) {
            releaseHold();
            voice.say(List.of(Prompt.of("not-booked")));
            return forward(Step.MAIN_MENU);
        }
        BookingRequest request = new BookingRequest(slot, nationalId, callerMobile, Channel.IVR,
                uniqueId + ":book:" + slot.date() + "T" + slot.start());
        BookingOutcome outcome = services.book().confirm(hold, request);
        hold = null;
        if (!(outcome instanceof BookingOutcome.Booked booked)) {
            voice.say(List.of(Prompt.of("slot-taken")));
            return forward(Step.TIME);
        }
        Appointment a = booked.appointment();
        reference = a.reference();
        if (lostReport != null) {
            services.lost().ifPresent(l -> l.linkReplacement(lostReport, a.reference(), "ivr"));
        }
        List<Prompt> done = new ArrayList<>(List.of(Prompt.of("booked")));
        done.addAll(Speech.reference(a.reference()));
        done.addAll(Speech.date(slot.date()));
        done.addAll(Speech.time(slot.start()));
        if (sms("appointment.confirmed", Map.of("ref", a.reference().value(),
                "office", office(slot).name(voice.language()),
                "date", CitizenDates.date(slot.date(), voice.language()),
                "time", CitizenDates.time(slot.start())))) {
            done.add(Prompt.of("sms-sent"));
        }
        voice.say(done);
        return finish();
    }

    private Office office(SlotKey slot) {
        return services.catalogue().office(slot.office()).orElseThrow();
    }

    private Step myAppointments() throws AgiException {
        if (appointmentIndex == 0 && page == 0) {
            appointments = services.book().of(nationalId).stream().filter(Appointment::active).toList();
        }
        if (appointmentIndex >= appointments.size()) {
            voice.say(List.of(Prompt.of("no-appointments")));
            appointmentIndex = 0;
            return forward(Step.MAIN_MENU);
        }
        Appointment a = appointments.get(appointmentIndex);
        reference = a.reference();
        List<Prompt> say = new ArrayList<>(List.of(Prompt.of("appointment")));
        say.addAll(Speech.reference(a.reference()));
        say.add(Speech.office(a.slot().office()));
        say.addAll(Speech.date(a.slot().date()));
        say.addAll(Speech.time(a.slot().start()));
        say.add(Prompt.of("appointment-menu"));
        Choice c = choice(voice.menu(say), 2);
        if (c instanceof Choice.Go go) {
            return go.step();
        }
        if (((Choice.Picked) c).n() == 1) {
            return forward(Step.CANCEL_CONFIRM);
        }
        appointmentIndex++;
        silences = 0;
        wrongs = 0;
        return Step.MY_APPOINTMENTS;
    }

    private Step cancelConfirm() throws AgiException {
        Appointment a = appointments.get(appointmentIndex);
        Choice c = choice(voice.menu(List.of(Prompt.of("cancel-confirm-menu"))), 2);
        if (c instanceof Choice.Go go) {
            return go.step();
        }
        if (((Choice.Picked) c).n() == 2) {
            voice.say(List.of(Prompt.of("not-cancelled")));
            return forward(Step.MY_APPOINTMENTS);
        }
        BookingOutcome outcome = services.book().cancel(a.reference(), nationalId, Channel.IVR);
        if (!(outcome instanceof BookingOutcome.Booked)) {
            voice.say(List.of(Prompt.of("not-cancelled")));
            return forward(Step.MAIN_MENU);
        }
        List<Prompt> say = new ArrayList<>(List.of(Prompt.of("cancelled")));
        if (sms("appointment.cancelled", Map.of("ref", a.reference().value()))) {
            say.add(Prompt.of("sms-sent"));
        }
        voice.say(say);
        return finish();
    }

    private Step statusReference() throws AgiException {
        Entry e = voice.digits(List.of(Prompt.of("enter-reference")), Reference.LENGTH + 1);
        if (e.is('*')) {
            return back();
        }
        if (e instanceof Entry.Silence) {
            return silence();
        }
        Optional<Reference> ref = e instanceof Entry.Digits d ? Reference.tryParse(d.digits()) : Optional.empty();
        if (ref.isEmpty()) {
            return wrong("reference-invalid");
        }
        Reference r = ref.get();
        Optional<List<Prompt>> status = status(r);
        if (status.isEmpty()) {
            return wrong("reference-unknown");
        }
        reference = r;
        List<Prompt> say = new ArrayList<>(List.of(Prompt.of("status-of")));
        say.addAll(Speech.reference(r));
        say.addAll(status.get());
        voice.say(say);
        return finish();
    }

    private Optional<List<Prompt>> status(Reference r) {
        return switch (r.kind()) {
            case APPOINTMENT -> services.book().find(r).map(a -> {
                if (a.status() == AppointmentStatus.CANCELLED) {
                    return List.of(Prompt.of("status-appointment-cancelled"));
                }
                List<Prompt> p = new ArrayList<>(List.of(Prompt.of("status-appointment-booked"),
                        Speech.office(a.slot().office())));
                p.addAll(Speech.date(a.slot().date()));
                p.addAll(Speech.time(a.slot().start()));
                return p;
            });
            case VISIT_REQUEST -> services.visits().flatMap(v -> v.find(r))
                    .map(v -> List.of(Prompt.of("status-visit-" + v.status().name().toLowerCase(java.util.Locale.ROOT))));
            case LOST_REPORT -> services.lost().flatMap(l -> l.find(r))
                    .map(l -> List.of(Prompt.of("status-lost-" + l.status().name().toLowerCase(java.util.Locale.ROOT))));
            case TICKET -> services.tickets().flatMap(t -> t.find(r))
                    .map(t -> List.of(Prompt.of("status-ticket-" + t.status().name().toLowerCase(java.util.Locale.ROOT))));
            case CALLBACK -> Optional.empty();
        };
    }

    private Step taqdeerFor() throws AgiException {
        Choice c = choice(voice.menu(List.of(Prompt.of("taqdeer-intro"), Prompt.of("taqdeer-for-menu"))), 2);
        if (c instanceof Choice.Go go) {
            return go.step();
        }
        if (((Choice.Picked) c).n() == 2) {
            return forward(Step.BENEFICIARY_ID);
        }
        return assess(person);
    }

    private Step beneficiaryId() throws AgiException {
        Entry e = voice.digits(List.of(Prompt.of("enter-beneficiary-nid")), 11);
        Optional<Person> found = identify(e);
        return found.isEmpty() ? pendingStep : assess(found.get());
    }

    private Step assess(Person who) throws AgiException {
        VisitAssessment a = VisitEligibility.assess(who, RiyadhTime.today(services.clock()));
        if (a instanceof VisitAssessment.Refused refused) {
            voice.say(List.of(Prompt.of("taqdeer-refused-"
                    + refused.reason().name().toLowerCase(java.util.Locale.ROOT).replace("_", ""))));
            return finish();
        }
        beneficiary = who;
        assessment = (VisitAssessment.Accepted) a;
        return forward(Step.TAQDEER_PLACE);
    }

    private Step taqdeerPlace() throws AgiException {
        Choice c = choice(voice.menu(List.of(Prompt.of("taqdeer-place-menu"))), 4);
        if (c instanceof Choice.Go go) {
            return go.step();
        }
        placeType = PlaceType.values()[((Choice.Picked) c).n() - 1];
        return forward(Step.TAQDEER_REGION);
    }

    private Step taqdeerRegion() throws AgiException {
        Pick<Region> p = pick(Prompt.of("choose-region"), List.of(Region.values()), r -> List.of(Speech.region(r)));
        if (p.go() != null) {
            return p.go();
        }
        Optional<Mobile> contact = callerMobile.or(person::mobile);
        if (contact.isEmpty()) {
            voice.say(List.of(Prompt.of("no-mobile")));
            return forward(Step.AGENT);
        }
        VisitRequest request = services.visits().orElseThrow().submit(new NewVisitRequest(beneficiary.nationalId(),
                Optional.of(nationalId), contact.get(), assessment.category(), placeType, p.item(), "", "",
                assessment.eligibility(), Channel.IVR, voice.language(), "ivr"), uniqueId + ":visit");
        reference = request.reference();
        boolean eligible = assessment.eligibility() == sa.civilaffairs.cc.visit.Eligibility.ELIGIBLE;
        List<Prompt> say = new ArrayList<>(List.of(Prompt.of(eligible ? "taqdeer-submitted-eligible"
                : "taqdeer-submitted-review")));
        say.addAll(Speech.reference(request.reference()));
        services.notifier().send(contact.get(), Lane.NOTIFICATION,
                eligible ? "visit.submitted.eligible" : "visit.submitted.review", voice.language(),
                Map.of("ref", request.reference().value()));
        say.add(Prompt.of("sms-sent"));
        voice.say(say);
        return finish();
    }

    private Step lostDocument() throws AgiException {
        Choice c = choice(voice.menu(List.of(Prompt.of("lost-document-menu"))), 5);
        if (c instanceof Choice.Go go) {
            return go.step();
        }
        LostDocument document = LostDocument.values()[((Choice.Picked) c).n() - 1];
        Optional<Mobile> contact = callerMobile.or(person::mobile);
        LostReport report = services.lost().orElseThrow().report(new NewLostReport(nationalId, document, "", "",
                contact, Channel.IVR, voice.language(), "ivr"), uniqueId + ":lost");
        reference = report.reference();
        lostReport = report.reference();
        List<Prompt> say = new ArrayList<>(List.of(Prompt.of("lost-reported")));
        say.addAll(Speech.reference(report.reference()));
        if (sms("lost.reported", Map.of("ref", report.reference().value()))) {
            say.add(Prompt.of("sms-sent"));
        }
        voice.say(say);
        if (document == LostDocument.NATIONAL_ID || document == LostDocument.IQAMA) {
            return forward(Step.LOST_REPLACEMENT);
        }
        return finish();
    }

    private Step lostReplacement() throws AgiException {
        Choice c = choice(voice.menu(List.of(Prompt.of("lost-replacement-menu"))), 2);
        if (c instanceof Choice.Go go) {
            return go.step() == Step.LOST_DOCUMENT ? Step.MAIN_MENU : go.step();
        }
        if (((Choice.Picked) c).n() == 2) {
            return finish();
        }
        service = CivilService.ID_REPLACEMENT;
        return forward(Step.REGION);
    }

    private Step agent() throws AgiException {
        if (intent == null) {
            intent = Intent.AGENT;
        }
        setFindings();
        Language language = voice.language();
        if (config.agents().open(RiyadhTime.localNow(services.clock()))) {
            voice.say(List.of(Prompt.of("transfer-agent")));
            set("CC_QUEUE", language == Language.EN ? config.agents().queueEn() : config.agents().queueAr());
            set("CC_NEXT", language == Language.EN ? "queue-en" : "queue-ar");
            endedHow = "to agent";
            return Step.DONE;
        }
        Reference callback = services.references().next(ReferenceKind.CALLBACK);
        reference = callback;
        set("__CC_REF", callback.value());
        services.events().append(new DomainEvent("callback.requested", callback.value(), Instant.now(services.clock()),
                Map.of("callerId", callerMobile.map(Mobile::e164).orElse(""), "lang", language.code(),
                        "intent", intent.code(), "trail", String.join(">", trail),
                        "nationalId", nationalId == null ? "" : nationalId.value(), "call", uniqueId)));
        List<Prompt> say = new ArrayList<>(List.of(Prompt.of("out-of-hours")));
        say.addAll(Speech.reference(callback));
        if (sms("callback.out_of_hours", Map.of("ref", callback.value()))) {
            say.add(Prompt.of("callback-sms"));
        }
        say.add(Prompt.of("goodbye"));
        voice.say(say);
        set("CC_NEXT", "callback");
        endedHow = "callback requested";
        return Step.DONE;
    }

    /**
     * Something behind the menus failed (Redis unreachable, a bug): say sorry and send the caller to the agents with
     * what was learnt. Best effort: the line may be gone too.
     */
    void toAgentAfterFailure() {
        try {
            voice.say(List.of(Prompt.of("system-error")));
            setFindings();
            Language language = voice.language();
            set("CC_QUEUE", language == Language.EN ? config.agents().queueEn() : config.agents().queueAr());
            set("CC_NEXT", language == Language.EN ? "queue-en" : "queue-ar");
        } catch (AgiException e) {
            // the caller hung up meanwhile: nothing more to say
        }
    }

    /** A task is complete: thank the caller and let the dialplan hang up. */
    private Step finish() throws AgiException {
        voice.say(List.of(Prompt.of("goodbye")));
        setFindings();
        set("CC_NEXT", "hangup");
        endedHow = "done";
        return Step.DONE;
    }

    /** What the agent's screen shows; inherited ({@code __}) so the queue member's channel carries them too. */
    private void setFindings() throws AgiException {
        set("__CC_LANG", voice.language().code());
        set("__CC_NID", nationalId == null ? "" : nationalId.value());
        set("__CC_INTENT", intent == null ? "" : intent.code());
        set("__CC_TRAIL", String.join(">", trail));
        set("__CC_REF", reference == null ? "" : reference.value());
    }

    private void set(String name, String value) throws AgiException {
        channel.sendCommand(new SetVariableCommand(name, value));
    }

    private boolean sms(String template, Map<String, String> values) {
        if (callerMobile.isEmpty()) {
            return false;
        }
        services.notifier().send(callerMobile.get(), Lane.NOTIFICATION, template, voice.language(), values);
        return true;
    }

    // ---- menu rules -----------------------------------------------------------------------------------------------

    private sealed interface Choice {
        record Picked(int n) implements Choice {
        }

        record Go(Step step) implements Choice {
        }
    }

    /** A key among {@code 1..options}, or where the call goes instead ('*', '0', silence, a wrong key). */
    private Choice choice(Entry e, int options) throws AgiException {
        if (e instanceof Entry.Silence) {
            return new Choice.Go(silence());
        }
        if (e.is('*')) {
            return new Choice.Go(back());
        }
        if (e.is('0')) {
            trail.add("0");
            return new Choice.Go(forward(Step.AGENT));
        }
        if (e instanceof Entry.Key k && k.key() >= '1' && k.key() <= '0' + options) {
            trail.add(String.valueOf(k.key()));
            return new Choice.Picked(k.key() - '0');
        }
        return new Choice.Go(wrong("invalid-choice"));
    }

    private record Pick<T>(T item, Step go) {
    }

    /**
     * A numbered menu of {@code items}: up to nine read at once, more in pages of eight with 9 for the next page.
     */
    private <T> Pick<T> pick(Prompt title, List<T> items, Function<T, List<Prompt>> name) throws AgiException {
        boolean paged = items.size() > 9;
        int size = paged ? 8 : 9;
        int pages = Math.max(1, (items.size() + size - 1) / size);
        int first = (page % pages) * size;
        List<T> shown = items.subList(first, Math.min(items.size(), first + size));
        List<Prompt> say = new ArrayList<>(List.of(title));
        for (int i = 0; i < shown.size(); i++) {
            say.addAll(name.apply(shown.get(i)));
            say.add(Prompt.of("press"));
            say.add(Speech.number(i + 1));
        }
        if (paged) {
            say.add(Prompt.of("more"));
        }
        say.add(Prompt.of("back-hint"));
        Entry e = voice.menu(say);
        if (paged && e.is('9')) {
            page++;
            return new Pick<>(null, step);
        }
        Choice c = choice(e, shown.size());
        if (c instanceof Choice.Go go) {
            return new Pick<>(null, go.step());
        }
        return new Pick<>(shown.get(((Choice.Picked) c).n() - 1), null);
    }

    private Step forward(Step next) {
        if (!NOT_RETURNED_TO.contains(step) && next != step) {
            back.push(step);
        }
        return next;
    }

    private Step back() {
        trail.add("*");
        return back.isEmpty() ? Step.MAIN_MENU : back.pop();
    }

    private Step silence() throws AgiException {
        silences++;
        if (silences > SILENCES_BEFORE_AGENT) {
            return forward(Step.AGENT);
        }
        voice.say(List.of(Prompt.of("no-input")));
        return step;
    }

    private Step wrong(String prompt) throws AgiException {
        wrongs++;
        voice.say(List.of(Prompt.of(prompt)));
        if (wrongs >= WRONG_BEFORE_AGENT) {
            return forward(Step.AGENT);
        }
        return step;
    }
}
