package sa.civilaffairs.cc.dialog;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sa.civilaffairs.cc.booking.Appointment;
import sa.civilaffairs.cc.booking.AppointmentBook;
import sa.civilaffairs.cc.booking.BookingOutcome;
import sa.civilaffairs.cc.booking.BookingRequest;
import sa.civilaffairs.cc.booking.Hold;
import sa.civilaffairs.cc.booking.SlotKey;
import sa.civilaffairs.cc.calendar.CitizenDates;
import sa.civilaffairs.cc.calendar.RiyadhTime;
import sa.civilaffairs.cc.channel.Channel;
import sa.civilaffairs.cc.chat.ChatInbox;
import sa.civilaffairs.cc.chat.ChatMessage;
import sa.civilaffairs.cc.feedback.NewTicket;
import sa.civilaffairs.cc.feedback.Ticket;
import sa.civilaffairs.cc.feedback.TicketKind;
import sa.civilaffairs.cc.feedback.TicketText;
import sa.civilaffairs.cc.feedback.Tickets;
import sa.civilaffairs.cc.identity.Mobile;
import sa.civilaffairs.cc.identity.NationalId;
import sa.civilaffairs.cc.lost.LostDocument;
import sa.civilaffairs.cc.lost.LostReport;
import sa.civilaffairs.cc.lost.LostReports;
import sa.civilaffairs.cc.lost.NewLostReport;
import sa.civilaffairs.cc.notify.MessageTemplates;
import sa.civilaffairs.cc.office.CivilService;
import sa.civilaffairs.cc.office.OfficeId;
import sa.civilaffairs.cc.office.Region;
import sa.civilaffairs.cc.office.Section;
import sa.civilaffairs.cc.outbox.StopList;
import sa.civilaffairs.cc.reference.Reference;
import sa.civilaffairs.cc.reference.ReferenceKind;
import sa.civilaffairs.cc.registry.CivilRegistry;
import sa.civilaffairs.cc.registry.Person;
import sa.civilaffairs.cc.registry.RegistryAnswer;
import sa.civilaffairs.cc.reminder.ReminderScheduler;
import sa.civilaffairs.cc.text.ArabicText;
import sa.civilaffairs.cc.text.Digits;
import sa.civilaffairs.cc.text.Language;
import sa.civilaffairs.cc.visit.Eligibility;
import sa.civilaffairs.cc.visit.NewVisitRequest;
import sa.civilaffairs.cc.visit.PlaceType;
import sa.civilaffairs.cc.visit.VisitAssessment;
import sa.civilaffairs.cc.visit.VisitCategory;
import sa.civilaffairs.cc.visit.VisitEligibility;
import sa.civilaffairs.cc.visit.VisitRequest;
import sa.civilaffairs.cc.visit.VisitRequests;

/**
 * The SMS dialogs of short code 77799 (PRODUCT.md, "SMS on 77799"; issue 4): reads one incoming text against the
 * number's dialog and answers it. A message outside a dialog is read as a keyword ({@link Keywords}); inside one, as
 * the answer to the step's question ({@link Step}), unless it is {@code 0}/الغاء/CANCEL (abandon) or, at a step that
 * does not take free text, another keyword (which starts that dialog instead).
 *
 * <p>Identity: a national ID is only served to the mobile the registry holds for it; any other answer (unknown ID,
 * another mobile, deceased) is the same polite refusal pointing to 920022133, so the reply reveals nothing. The
 * registry being unavailable ends the dialog with "try again later", having written nothing.
 *
 * <p>Each message id is answered at most once: the replies of a handled id are remembered with the dialog's next
 * state in one atomic step, and handling the id again returns them unchanged without touching anything.
 *
 * <p>Thread-safe if the stores are; messages of one number must be handled one at a time (the SMS consumer does).
 * Blocks on Redis and the registry.
 */
public final class DialogEngine {

    private static final Logger LOG = LoggerFactory.getLogger(DialogEngine.class);
    private static final String BY = "sms";

    /** The collaborators of the engine. */
    public record Services(DialogStore store, ReplyThrottle throttle, StopList stopList, CivilRegistry registry,
                           AppointmentBook book, SlotChoices choices, VisitRequests visits, Tickets tickets,
                           LostReports lostReports, ChatInbox chat, ReminderScheduler reminders,
                           MessageTemplates templates, Clock clock) {
        public Services {
            Objects.requireNonNull(store, "store");
            Objects.requireNonNull(throttle, "throttle");
            Objects.requireNonNull(stopList, "stopList");
            Objects.requireNonNull(registry, "registry");
            Objects.requireNonNull(book, "book");
            Objects.requireNonNull(choices, "choices");
            Objects.requireNonNull(visits, "visits");
            Objects.requireNonNull(tickets, "tickets");
            Objects.requireNonNull(lostReports, "lostReports");
            Objects.requireNonNull(chat, "chat");
            Objects.requireNonNull(reminders, "reminders");
            Objects.requireNonNull(templates, "templates");
            Objects.requireNonNull(clock, "clock");
        }
    }

    /**
     * {@code holdFor}: how long a slot is kept while the citizen confirms; {@code maxLength}: longer messages are not
     * read (answered once a day with help).
     */
    public record Settings(Duration holdFor, int maxLength) {
        public static final Settings DEFAULTS = new Settings(Duration.ofMinutes(5), 1000);

        public Settings {
            if (holdFor == null || holdFor.isNegative() || holdFor.isZero()) {
                throw new IllegalArgumentException("holdFor: " + holdFor + " (expected: a positive duration)");
            }
            if (maxLength < 160) {
                throw new IllegalArgumentException("maxLength: " + maxLength + " (expected: at least 160)");
            }
        }
    }

    private final Services s;
    private final Settings settings;

    public DialogEngine(Services services, Settings settings) {
        this.s = Objects.requireNonNull(services, "services");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** The replies to {@code in}, in sending order; empty when nothing is to be sent (throttled, chat message). */
    public List<Reply> handle(IncomingText in) {
        Instant now = s.clock().instant();
        DialogStore.Opening opening = s.store().open(in.from(), in.id(), now);
        if (opening.answered().isPresent()) {
            return opening.answered().get();
        }
        Optional<Dialog> current = opening.dialog();
        Language language = ArabicText.detectLanguage(in.text())
                .orElse(current.map(Dialog::language).orElse(Language.AR));
        Turn turn = new Turn(in, language, now, current);
        if (oversized(in.text())) {
            if (s.throttle().firstOversized(in.from(), now)) {
                turn.unsolicited = true;
                turn.say("dialog.oversized", Map.of());
            }
        } else if (current.isPresent()) {
            continueDialog(current.get().seen(now, language), turn);
        } else {
            Optional<Command> command = Keywords.match(in.text());
            if (command.isPresent()) {
                start(command.get(), turn);
            } else if (opening.lapsed()) {
                turn.say("dialog.expired", Map.of());
            } else {
                turn.unsolicited = true;
                turn.say("help.menu", Map.of());
            }
        }
        List<Reply> replies = new ArrayList<>();
        for (Reply reply : turn.replies) {
            if (s.throttle().allow(in.from(), turn.unsolicited, now)) {
                replies.add(reply);
            }
        }
        s.store().commit(in.from(), turn.next, in.id(), replies);
        return replies;
    }

    private boolean oversized(String text) {
        if (text.length() > settings.maxLength()) {
            return true;
        }
        // binary content arrives as replacement characters or control bytes
        return text.chars().anyMatch(c -> c == '\uFFFD' || (Character.isISOControl(c) && c != '\n' && c != '\r'
                && c != '\t'));
    }

    // ---- starting a dialog from a keyword

    private void start(Command command, Turn t) {
        if (command.intent() == Intent.BOOK || command.intent() == Intent.STATUS) {
            // stop.confirmed tells the citizen that BOOK or STATUS brings the reminders back
            s.stopList().remove(t.in.from());
        }
        switch (command.intent()) {
            case HELP -> t.say("help.menu", Map.of());
            case STOP -> {
                s.stopList().add(t.in.from());
                t.say("stop.confirmed", Map.of());
            }
            case BOOK -> {
                Dialog d = Dialog.at(Step.BOOK_ID, t.language, t.now);
                if (command.hasArgument()) {
                    answerBookId(d, command.normalArgument(), t);
                } else {
                    t.ask(d);
                }
            }
            case STATUS -> {
                Dialog d = Dialog.at(Step.STATUS_ID, t.language, t.now);
                if (!command.hasArgument()) {
                    t.ask(d);
                } else {
                    String digits = Digits.compactNumber(command.normalArgument());
                    if (digits != null && digits.length() == Reference.LENGTH) {
                        statusOf(digits, t);
                    } else {
                        answerStatusId(d, command.normalArgument(), t);
                    }
                }
            }
            case CANCEL -> {
                Dialog d = Dialog.at(Step.CANCEL_REF, t.language, t.now);
                if (command.hasArgument()) {
                    answerCancelRef(d, command.normalArgument(), t);
                } else {
                    t.ask(d);
                }
            }
            case VISIT -> t.ask(Dialog.at(Step.VISIT_WHO, t.language, t.now));
            case FEEDBACK -> {
                Dialog d = Dialog.at(Step.FEEDBACK_KIND, t.language, t.now);
                if (command.hasArgument()) {
                    d = d.with("text", command.argument());
                }
                Optional<TicketKind> kind = ticketKind(command.word());
                if (kind.isPresent()) {
                    askRegion(d.with("kind", kind.get().name()), Step.FEEDBACK_REGION, t, Optional.empty());
                } else {
                    t.ask(d);
                }
            }
            case LOST -> t.ask(Dialog.at(Step.LOST_ID, t.language, t.now));
            case CHAT -> {
                Dialog d = Dialog.at(Step.CHAT, t.language, t.now);
                if (command.hasArgument()) {
                    appendChat(command.argument(), t);
                }
                t.ask(d);
            }
        }
    }

    private static Optional<TicketKind> ticketKind(String word) {
        return switch (word) {
            case "شكوي", "شكوه", "complaint" -> Optional.of(TicketKind.COMPLAINT);
            case "اقتراح", "suggestion" -> Optional.of(TicketKind.SUGGESTION);
            case "استفسار", "inquiry", "enquiry" -> Optional.of(TicketKind.INQUIRY);
            default -> Optional.empty();
        };
    }

    // ---- inside a dialog

    private void continueDialog(Dialog d, Turn t) {
        String text = t.in.text();
        if (Keywords.isAbandon(text)) {
            releaseHold(d);
            t.say(d.step() == Step.CHAT ? "chat.ended" : "dialog.cancelled", Map.of());
            t.end();
            return;
        }
        if (!d.step().freeText()) {
            Optional<Command> command = Keywords.match(text).filter(Command::keyword);
            if (command.isPresent() && Keywords.number(text).isEmpty() && Keywords.yesNo(text).isEmpty()) {
                releaseHold(d);
                start(command.get(), t);
                return;
            }
        }
        switch (d.step()) {
            case BOOK_ID -> answerBookId(d, text, t);
            case BOOK_SERVICE, BOOK_REGION, BOOK_OFFICE, BOOK_DAY, BOOK_TIME -> answerBookChoice(d, text, t);
            case BOOK_CONFIRM -> answerBookConfirm(d, text, t);
            case STATUS_ID -> answerStatusId(d, text, t);
            case CANCEL_REF -> answerCancelRef(d, text, t);
            case CANCEL_CONFIRM -> answerCancelConfirm(d, text, t);
            case VISIT_WHO -> answerVisitWho(d, text, t);
            case VISIT_REQUESTER_ID -> answerVisitRequester(d, text, t);
            case VISIT_ID -> answerVisitId(d, text, t);
            case VISIT_CATEGORY -> answerVisitCategory(d, text, t);
            case VISIT_PLACE -> answerVisitPlace(d, text, t);
            case VISIT_REGION -> answerRegion(d, text, t, Step.VISIT_CITY);
            case VISIT_CITY -> answerVisitCity(d, text, t);
            case VISIT_ADDRESS -> answerVisitAddress(d, text, t);
            case VISIT_CONTACT -> answerVisitContact(d, text, t);
            case FEEDBACK_KIND -> answerFeedbackKind(d, text, t);
            case FEEDBACK_REGION -> answerRegion(d, text, t, Step.FEEDBACK_TEXT);
            case FEEDBACK_TEXT -> answerFeedbackText(d, text, t);
            case LOST_ID -> answerLostId(d, text, t);
            case LOST_KIND -> answerLostKind(d, text, t);
            case LOST_OFFER -> answerLostOffer(d, text, t);
            case CHAT -> {
                appendChat(text, t);
                t.next = Optional.of(d);
            }
        }
    }

    // ---- identity

    private sealed interface Identity {
    }

    private record Verified(Person person) implements Identity {
    }

    private record Stopped() implements Identity {
    }

    /**
     * Checks {@code typed} as a national ID of the sender. On refusal or outage the turn has its answer and the
     * dialog ends; on an ill-formed ID the step is asked again.
     */
    private Identity identify(Dialog d, String typed, Turn t, boolean mustBeSender) {
        Optional<NationalId> id = parseId(typed);
        if (id.isEmpty()) {
            t.askAgain(d, "dialog.notice.bad_id");
            return new Stopped();
        }
        RegistryAnswer answer = s.registry().lookup(id.get());
        if (answer instanceof RegistryAnswer.Unavailable unavailable) {
            LOG.warn("registry unavailable for an SMS dialog: {}", unavailable.reason());
            t.say("registry.unavailable", Map.of());
            t.end();
            return new Stopped();
        }
        if (answer instanceof RegistryAnswer.Found found
                && found.person().status() == Person.LifeStatus.ALIVE
                && (!mustBeSender || found.person().mobile().filter(t.in.from()::equals).isPresent())) {
            return new Verified(found.person());
        }
        t.say("identity.refused", Map.of());
        t.end();
        return new Stopped();
    }

    private static Optional<NationalId> parseId(String typed) {
        String digits = Digits.compactNumber(ArabicText.normalize(typed));
        if (digits == null || !NationalId.isValid(digits)) {
            return Optional.empty();
        }
        return Optional.of(NationalId.parse(digits));
    }

    // ---- BOOK

    private void answerBookId(Dialog d, String text, Turn t) {
        if (identify(d, text, t, true) instanceof Verified verified) {
            startBooking(d, verified.person(), Optional.empty(), t);
        }
    }

    private void startBooking(Dialog d, Person person, Optional<CivilService> service, Turn t) {
        Section section = person.gender() == Person.Gender.F ? Section.WOMEN : Section.MEN;
        SlotSelection selection = SlotSelection.start(person.nationalId(), section);
        if (service.isPresent() && !s.choices().catalogue().regionsOffering(service.get(), section).isEmpty()) {
            selection = selection.with(ChoiceStep.SERVICE, service.get().name());
        } else if (section == Section.WOMEN
                && s.choices().options(ChoiceStep.SERVICE, selection).isEmpty()) {
            selection = SlotSelection.start(person.nationalId(), Section.MEN);
        }
        Dialog next = d.with("nid", person.nationalId().value()).with("sec", selection.section().name());
        askChoice(withSelection(next, selection), selection, t, Optional.empty());
    }

    private static Step bookStep(ChoiceStep step) {
        return switch (step) {
            case SERVICE -> Step.BOOK_SERVICE;
            case REGION -> Step.BOOK_REGION;
            case OFFICE -> Step.BOOK_OFFICE;
            case DAY -> Step.BOOK_DAY;
            case TIME -> Step.BOOK_TIME;
        };
    }

    private static ChoiceStep choiceStep(Step step) {
        return switch (step) {
            case BOOK_SERVICE -> ChoiceStep.SERVICE;
            case BOOK_REGION -> ChoiceStep.REGION;
            case BOOK_OFFICE -> ChoiceStep.OFFICE;
            case BOOK_DAY -> ChoiceStep.DAY;
            case BOOK_TIME -> ChoiceStep.TIME;
            default -> throw new IllegalArgumentException("not a choice step: " + step);
        };
    }

    private static SlotSelection selection(Dialog d) {
        Map<ChoiceStep, String> chosen = new HashMap<>();
        for (ChoiceStep step : ChoiceStep.values()) {
            d.get("c." + step.name()).ifPresent(k -> chosen.put(step, k));
        }
        return new SlotSelection(new NationalId(d.require("nid")), Section.valueOf(d.require("sec")), chosen);
    }

    private static Dialog withSelection(Dialog d, SlotSelection selection) {
        Dialog next = d;
        for (ChoiceStep step : ChoiceStep.values()) {
            next = next.with("c." + step.name(), selection.key(step).orElse(null));
        }
        return next;
    }

    /** Asks the selection's pending step; when nothing can be offered there, goes back one step with a notice. */
    private void askChoice(Dialog d, SlotSelection selection, Turn t, Optional<String> notice) {
        ChoiceStep step = selection.pending().orElseThrow();
        List<Choice> options = s.choices().options(step, selection);
        if (options.isEmpty() && step.previous().isPresent()) {
            ChoiceStep back = step.previous().get();
            SlotSelection earlier = selection.without(back);
            String why = step == ChoiceStep.DAY ? "dialog.notice.no_days" : "dialog.notice.slot_taken";
            askChoice(withSelection(d, earlier), earlier, t, Optional.of(why));
            return;
        }
        List<String> keys = options.stream().map(Choice::key).toList();
        t.menu(d.at(bookStep(step)), keys, 0, notice);
    }

    private void answerBookChoice(Dialog d, String text, Turn t) {
        Optional<String> key = t.pick(d, text);
        if (key.isEmpty()) {
            return;
        }
        SlotSelection selection = selection(d).with(choiceStep(d.step()), key.get());
        Dialog next = withSelection(d, selection);
        if (selection.pending().isPresent()) {
            askChoice(next, selection, t, Optional.empty());
            return;
        }
        holdSlot(next, selection, t);
    }

    private void holdSlot(Dialog d, SlotSelection selection, Turn t) {
        SlotKey slot = selection.slot().orElseThrow();
        BookingOutcome outcome = s.book().hold(slot, selection.person(), settings.holdFor());
        if (outcome instanceof BookingOutcome.Held held) {
            Dialog next = d.with("opts", null).with("page", null).with("pageNext", null)
                    .with("hold", held.hold().id())
                    .with("holdUntil", Long.toString(held.hold().expiresAt().toEpochMilli()))
                    .with("confirmBy", Long.toString(t.now.plus(settings.holdFor()).toEpochMilli()))
                    .at(Step.BOOK_CONFIRM);
            t.say("dialog.book.confirm", slotValues(slot, t.language,
                    Map.of("minutes", Long.toString(settings.holdFor().toMinutes()))));
            t.next = Optional.of(next);
        } else if (outcome instanceof BookingOutcome.Refused refused) {
            bookingRefused(d, selection, refused, t);
        }
    }

    private void bookingRefused(Dialog d, SlotSelection selection, BookingOutcome.Refused refused, Turn t) {
        switch (refused.reason()) {
            case ALREADY_BOOKED -> {
                t.say("dialog.book.already", Map.of("ref", refused.existing().map(Reference::value).orElse("")));
                t.end();
            }
            case HOLD_EXPIRED -> {
                SlotSelection again = selection.without(ChoiceStep.TIME);
                askChoice(withSelection(d, again).with("hold", null).with("holdUntil", null).with("confirmBy", null),
                        again, t, Optional.of("dialog.notice.hold_expired"));
            }
            default -> {
                SlotSelection again = selection.without(ChoiceStep.TIME);
                askChoice(withSelection(d, again).with("hold", null).with("holdUntil", null).with("confirmBy", null),
                        again, t, Optional.of("dialog.notice.slot_taken"));
            }
        }
    }

    private void answerBookConfirm(Dialog d, String text, Turn t) {
        Optional<Boolean> yes = Keywords.yesNo(text);
        SlotSelection selection = selection(d);
        if (yes.isEmpty()) {
            t.invalidAgain(d, "dialog.book.confirm", slotValues(selection.slot().orElseThrow(), t.language,
                    Map.of("minutes", Long.toString(settings.holdFor().toMinutes()))));
            return;
        }
        if (!yes.get()) {
            releaseHold(d);
            t.say("dialog.cancelled", Map.of());
            t.end();
            return;
        }
        SlotKey slot = selection.slot().orElseThrow();
        Hold hold = hold(d).orElseThrow();
        if (t.now.toEpochMilli() > Long.parseLong(d.require("confirmBy"))) {
            // silent past the hold time by the engine's clock: the book lets the hold lapse by its own (Redis) time
            s.book().release(hold);
            bookingRefused(d, selection, new BookingOutcome.Refused(BookingOutcome.Refusal.HOLD_EXPIRED), t);
            return;
        }
        BookingOutcome outcome = s.book().confirm(hold, new BookingRequest(slot, selection.person(),
                Optional.of(t.in.from()), Channel.SMS, "sms:" + t.in.id()));
        if (outcome instanceof BookingOutcome.Booked booked) {
            Appointment appointment = booked.appointment();
            t.say("appointment.confirmed", appointmentValues(appointment, t.language));
            s.reminders().schedule(appointment, t.language);
            d.get("lostRef").ifPresent(lostRef -> {
                LostReport report = s.lostReports().linkReplacement(new Reference(lostRef),
                        appointment.reference(), BY);
                LOG.debug("lost report {} linked to its replacement appointment", report.reference());
            });
            t.end();
        } else if (outcome instanceof BookingOutcome.Refused refused) {
            bookingRefused(d, selection, refused, t);
        }
    }

    private static Optional<Hold> hold(Dialog d) {
        Optional<String> id = d.get("hold");
        if (id.isEmpty()) {
            return Optional.empty();
        }
        SlotSelection selection = selection(d);
        return selection.slot().map(slot -> new Hold(id.get(), slot, selection.person(),
                Instant.ofEpochMilli(Long.parseLong(d.require("holdUntil")))));
    }

    private void releaseHold(Dialog d) {
        if (d.step() == Step.BOOK_CONFIRM) {
            hold(d).ifPresent(h -> s.book().release(h));
        }
    }

    private Map<String, String> slotValues(SlotKey slot, Language language, Map<String, String> extra) {
        Map<String, String> values = new HashMap<>(extra);
        values.put("office", officeName(slot.office(), language));
        values.put("date", CitizenDates.date(slot.date(), language));
        values.put("time", CitizenDates.time(slot.start()));
        return values;
    }

    private Map<String, String> appointmentValues(Appointment appointment, Language language) {
        return slotValues(appointment.slot(), language, Map.of("ref", appointment.reference().value()));
    }

    private String officeName(OfficeId office, Language language) {
        return s.choices().catalogue().office(office).map(o -> o.name(language)).orElse(office.value());
    }

    // ---- STATUS

    private void answerStatusId(Dialog d, String text, Turn t) {
        if (identify(d, text, t, true) instanceof Verified verified) {
            listItems(verified.person().nationalId(), t);
            t.end();
        }
    }

    private void listItems(NationalId person, Turn t) {
        List<String> lines = new ArrayList<>();
        Language l = t.language;
        for (Appointment a : s.book().of(person)) {
            if (a.active()) {
                lines.add(render("status.appointment", l, appointmentValues(a, l)));
            }
        }
        for (VisitRequest v : s.visits().of(person)) {
            if (!v.status().terminal()) {
                lines.add(render("status.visit", l, Map.of("ref", v.reference().value(),
                        "status", render("state.visit." + lower(v.status().name()), l, Map.of()))));
            }
        }
        for (Ticket ticket : s.tickets().of(person)) {
            if (!ticket.status().terminal()) {
                lines.add(render("status.ticket", l, Map.of("ref", ticket.reference().value(),
                        "status", render("state.ticket." + lower(ticket.status().name()), l, Map.of()))));
            }
        }
        for (LostReport report : s.lostReports().of(person)) {
            if (!report.status().terminal()) {
                lines.add(render("status.lost", l, Map.of("ref", report.reference().value(),
                        "status", render("state.lost." + lower(report.status().name()), l, Map.of()))));
            }
        }
        if (lines.isEmpty()) {
            t.say("status.none", Map.of());
            return;
        }
        int budget = SmsSegments.twoPartBudget(String.join("\n", lines));
        StringBuilder items = new StringBuilder();
        for (String line : lines) {
            if (items.length() > 0 && items.length() + 1 + line.length() > budget) {
                break;
            }
            items.append(items.length() == 0 ? "" : "\n").append(line);
        }
        t.say("dialog.status.list", Map.of("items", items.toString()));
    }

    /** One item by reference, shown only to the number it belongs to; anything else gets the same "not found". */
    private void statusOf(String typed, Turn t) {
        Optional<Reference> ref = Reference.tryParse(typed);
        Optional<String> line = ref.flatMap(r -> itemLine(r, t));
        if (line.isPresent()) {
            t.say("dialog.status.list", Map.of("items", line.get()));
        } else {
            t.say("status.unknown", Map.of("ref", typed));
        }
        t.end();
    }

    private Optional<String> itemLine(Reference ref, Turn t) {
        Mobile from = t.in.from();
        Language l = t.language;
        return switch (ref.kind()) {
            case APPOINTMENT -> s.book().find(ref)
                    .filter(a -> a.contact().filter(from::equals).isPresent())
                    .map(a -> a.active() ? render("status.appointment", l, appointmentValues(a, l))
                            : render("appointment.cancelled", l, Map.of("ref", ref.value())));
            case VISIT_REQUEST -> s.visits().find(ref).filter(v -> v.contact().equals(from))
                    .map(v -> render("status.visit", l, Map.of("ref", ref.value(),
                            "status", render("state.visit." + lower(v.status().name()), l, Map.of()))));
            case TICKET -> s.tickets().find(ref).filter(x -> x.contact().filter(from::equals).isPresent())
                    .map(x -> render("status.ticket", l, Map.of("ref", ref.value(),
                            "status", render("state.ticket." + lower(x.status().name()), l, Map.of()))));
            case LOST_REPORT -> s.lostReports().find(ref).filter(x -> x.contact().filter(from::equals).isPresent())
                    .map(x -> render("status.lost", l, Map.of("ref", ref.value(),
                            "status", render("state.lost." + lower(x.status().name()), l, Map.of()))));
            case CALLBACK -> Optional.empty();
        };
    }

    // ---- CANCEL

    private void answerCancelRef(Dialog d, String text, Turn t) {
        String digits = Digits.compactNumber(ArabicText.normalize(text));
        if (digits == null || digits.length() != Reference.LENGTH) {
            t.askAgain(d, "dialog.notice.bad_ref");
            return;
        }
        Optional<Appointment> appointment = Reference.tryParse(digits)
                .filter(r -> r.kind() == ReferenceKind.APPOINTMENT)
                .flatMap(s.book()::find)
                .filter(Appointment::active)
                .filter(a -> a.contact().filter(t.in.from()::equals).isPresent());
        if (appointment.isEmpty()) {
            t.say("status.unknown", Map.of("ref", digits));
            t.end();
            return;
        }
        t.say("dialog.cancel.confirm", appointmentValues(appointment.get(), t.language));
        t.next = Optional.of(d.at(Step.CANCEL_CONFIRM).with("ref", digits)
                .with("nid", appointment.get().person().value()));
    }

    private void answerCancelConfirm(Dialog d, String text, Turn t) {
        Optional<Boolean> yes = Keywords.yesNo(text);
        if (yes.isEmpty()) {
            t.invalidAgain(d, "dialog.cancel.confirm", cancelValues(d, t));
            return;
        }
        Reference ref = new Reference(d.require("ref"));
        if (!yes.get()) {
            t.say("dialog.cancel.kept", Map.of("ref", ref.value()));
            t.end();
            return;
        }
        BookingOutcome outcome = s.book().cancel(ref, new NationalId(d.require("nid")), Channel.SMS);
        if (outcome instanceof BookingOutcome.Booked) {
            s.reminders().cancel(ref);
            t.say("appointment.cancelled", Map.of("ref", ref.value()));
        } else {
            t.say("status.unknown", Map.of("ref", ref.value()));
        }
        t.end();
    }

    private Map<String, String> cancelValues(Dialog d, Turn t) {
        return s.book().find(new Reference(d.require("ref")))
                .map(a -> appointmentValues(a, t.language))
                .orElse(Map.of("ref", d.require("ref"), "office", "", "date", "", "time", ""));
    }

    // ---- VISIT

    private void answerVisitWho(Dialog d, String text, Turn t) {
        OptionalInt n = Keywords.number(text);
        if (n.isPresent() && n.getAsInt() == 1) {
            t.ask(d.with("who", "self").at(Step.VISIT_ID));
        } else if (n.isPresent() && n.getAsInt() == 2) {
            t.ask(d.with("who", "other").at(Step.VISIT_REQUESTER_ID));
        } else {
            t.askAgain(d, "dialog.notice.invalid");
        }
    }

    private void answerVisitRequester(Dialog d, String text, Turn t) {
        if (identify(d, text, t, true) instanceof Verified verified) {
            t.ask(d.with("requester", verified.person().nationalId().value()).at(Step.VISIT_ID));
        }
    }

    private void answerVisitId(Dialog d, String text, Turn t) {
        boolean self = d.get("who").orElse("self").equals("self");
        if (!(identify(d, text, t, self) instanceof Verified verified)) {
            return;
        }
        Person beneficiary = verified.person();
        LocalDate today = RiyadhTime.today(s.clock());
        if (VisitEligibility.assess(beneficiary, today) instanceof VisitAssessment.Refused refused) {
            t.say(refused.reason().templateId(), Map.of());
            t.end();
            return;
        }
        Dialog next = d.with("beneficiary", beneficiary.nationalId().value());
        // the assessment of each category the requester may claim, decided now while the registry answered
        for (VisitCategory category : VisitCategory.values()) {
            VisitAssessment assessment = VisitEligibility.assess(beneficiary, category, today);
            String value = assessment instanceof VisitAssessment.Accepted accepted
                    ? accepted.eligibility().name() + ":" + accepted.category().name()
                    : "REFUSED:" + ((VisitAssessment.Refused) assessment).reason().name();
            next = next.with("assess." + category.name(), value);
        }
        t.ask(next.at(Step.VISIT_CATEGORY));
    }

    private void answerVisitCategory(Dialog d, String text, Turn t) {
        OptionalInt n = Keywords.number(text);
        if (n.isEmpty() || n.getAsInt() < 1 || n.getAsInt() > VisitCategory.values().length) {
            t.askAgain(d, "dialog.notice.invalid");
            return;
        }
        VisitCategory claimed = VisitCategory.values()[n.getAsInt() - 1];
        String[] assessment = d.require("assess." + claimed.name()).split(":");
        if (assessment[0].equals("REFUSED")) {
            t.say(VisitAssessment.RefusalReason.valueOf(assessment[1]).templateId(), Map.of());
            t.end();
            return;
        }
        t.ask(d.with("eligibility", assessment[0]).with("category", assessment[1]).at(Step.VISIT_PLACE));
    }

    private void answerVisitPlace(Dialog d, String text, Turn t) {
        OptionalInt n = Keywords.number(text);
        if (n.isEmpty() || n.getAsInt() < 1 || n.getAsInt() > PlaceType.values().length) {
            t.askAgain(d, "dialog.notice.invalid");
            return;
        }
        askRegion(d.with("place", PlaceType.values()[n.getAsInt() - 1].name()), Step.VISIT_REGION, t,
                Optional.empty());
    }

    private void askRegion(Dialog d, Step step, Turn t, Optional<String> notice) {
        List<String> keys = Arrays.stream(Region.values()).map(Region::name).toList();
        t.menu(d.at(step), keys, 0, notice);
    }

    private void answerRegion(Dialog d, String text, Turn t, Step then) {
        Optional<String> key = t.pick(d, text);
        if (key.isEmpty()) {
            return;
        }
        Dialog next = d.with("region", key.get()).with("opts", null).with("page", null);
        if (then == Step.FEEDBACK_TEXT && next.get("text").isPresent()) {
            openTicket(next, next.require("text"), t);
            return;
        }
        t.ask(next.at(then));
    }

    private void answerVisitCity(Dialog d, String text, Turn t) {
        String city = text.strip();
        if (city.isEmpty()) {
            t.askAgain(d, "dialog.notice.text_empty");
        } else if (city.length() > NewVisitRequest.MAX_CITY) {
            t.askAgain(d, "dialog.notice.too_long");
        } else {
            t.ask(d.with("city", city).at(Step.VISIT_ADDRESS));
        }
    }

    private void answerVisitAddress(Dialog d, String text, Turn t) {
        String address = text.strip();
        if (address.isEmpty()) {
            t.askAgain(d, "dialog.notice.text_empty");
        } else if (address.length() > NewVisitRequest.MAX_ADDRESS) {
            t.askAgain(d, "dialog.notice.too_long");
        } else {
            t.ask(d.with("address", address).at(Step.VISIT_CONTACT));
        }
    }

    private void answerVisitContact(Dialog d, String text, Turn t) {
        Optional<Mobile> contact = Keywords.number(text).isPresent() && Keywords.number(text).getAsInt() == 1
                ? Optional.of(t.in.from()) : Mobile.tryParse(Digits.toWestern(text.strip()));
        if (contact.isEmpty()) {
            t.askAgain(d, "dialog.notice.bad_mobile");
            return;
        }
        NationalId beneficiary = new NationalId(d.require("beneficiary"));
        Optional<NationalId> requester = d.get("requester").map(NationalId::new);
        VisitRequest request = s.visits().submit(new NewVisitRequest(beneficiary, requester, contact.get(),
                VisitCategory.valueOf(d.require("category")), PlaceType.valueOf(d.require("place")),
                Region.valueOf(d.require("region")), d.require("city"), d.require("address"),
                Eligibility.valueOf(d.require("eligibility")), Channel.SMS, t.language, BY), "sms:" + t.in.id());
        t.say(request.eligibility() == Eligibility.TO_REVIEW ? "visit.submitted.review" : "visit.submitted.eligible",
                Map.of("ref", request.reference().value()));
        t.end();
    }

    // ---- FEEDBACK

    private void answerFeedbackKind(Dialog d, String text, Turn t) {
        OptionalInt n = Keywords.number(text);
        if (n.isEmpty() || n.getAsInt() < 1 || n.getAsInt() > TicketKind.values().length) {
            t.askAgain(d, "dialog.notice.invalid");
            return;
        }
        askRegion(d.with("kind", TicketKind.values()[n.getAsInt() - 1].name()), Step.FEEDBACK_REGION, t,
                Optional.empty());
    }

    private void answerFeedbackText(Dialog d, String text, Turn t) {
        if (text.isBlank()) {
            t.askAgain(d, "dialog.notice.text_empty");
            return;
        }
        if (text.strip().length() > TicketText.MAX) {
            t.askAgain(d, "dialog.notice.too_long");
            return;
        }
        openTicket(d, text, t);
    }

    private void openTicket(Dialog d, String text, Turn t) {
        Ticket ticket = s.tickets().open(new NewTicket(TicketKind.valueOf(d.require("kind")),
                Region.valueOf(d.require("region")), new TicketText(text), Optional.empty(),
                Optional.of(t.in.from()), Channel.SMS, t.language, BY), "sms:" + t.in.id());
        t.say("ticket.opened", Map.of("ref", ticket.reference().value()));
        t.end();
    }

    // ---- LOST

    private void answerLostId(Dialog d, String text, Turn t) {
        if (identify(d, text, t, true) instanceof Verified verified) {
            t.ask(d.with("nid", verified.person().nationalId().value())
                    .with("gender", verified.person().gender().name()).at(Step.LOST_KIND));
        }
    }

    private void answerLostKind(Dialog d, String text, Turn t) {
        OptionalInt n = Keywords.number(text);
        if (n.isEmpty() || n.getAsInt() < 1 || n.getAsInt() > LostDocument.values().length) {
            t.askAgain(d, "dialog.notice.invalid");
            return;
        }
        LostDocument document = LostDocument.values()[n.getAsInt() - 1];
        LostReport report = s.lostReports().report(new NewLostReport(new NationalId(d.require("nid")), document,
                "", "", Optional.of(t.in.from()), Channel.SMS, t.language, BY), "sms:" + t.in.id());
        t.say("lost.reported", Map.of("ref", report.reference().value()));
        t.ask(d.with("lostRef", report.reference().value()).with("doc", document.name()).at(Step.LOST_OFFER));
    }

    private void answerLostOffer(Dialog d, String text, Turn t) {
        Optional<Boolean> yes = Keywords.yesNo(text);
        if (yes.isEmpty()) {
            t.askAgain(d, "dialog.notice.invalid");
            return;
        }
        if (!yes.get()) {
            t.say("dialog.cancelled", Map.of());
            t.end();
            return;
        }
        // the person was verified at LOST_ID: book for them without asking the ID again
        NationalId person = new NationalId(d.require("nid"));
        Section section = "F".equals(d.require("gender")) ? Section.WOMEN : Section.MEN;
        Optional<CivilService> service = switch (LostDocument.valueOf(d.require("doc"))) {
            case NATIONAL_ID, IQAMA -> Optional.of(CivilService.ID_REPLACEMENT);
            case FAMILY_RECORD -> Optional.of(CivilService.FAMILY_RECORD_ISSUE);
            case BIRTH_CERTIFICATE, OTHER -> Optional.empty();
        };
        SlotSelection selection = SlotSelection.start(person, section);
        if (service.isPresent() && !s.choices().catalogue().regionsOffering(service.get(), section).isEmpty()) {
            selection = selection.with(ChoiceStep.SERVICE, service.get().name());
        }
        Dialog next = Dialog.at(Step.BOOK_SERVICE, t.language, t.now).with("nid", person.value())
                .with("sec", section.name()).with("lostRef", d.require("lostRef"));
        askChoice(withSelection(next, selection), selection, t, Optional.empty());
    }

    // ---- CHAT

    private void appendChat(String text, Turn t) {
        if (text.isBlank()) {
            return;
        }
        s.chat().append(new ChatMessage(ChatInbox.conversationOf(t.in.from()), t.in.from(),
                ChatMessage.Direction.IN, text.strip(), t.language, "", t.in.receivedAt()));
    }

    // ---- rendering

    private String render(String templateId, Language language, Map<String, String> values) {
        return s.templates().render(templateId, language, values);
    }

    private static String lower(String name) {
        return name.toLowerCase(java.util.Locale.ROOT);
    }

    /** The label of a menu option from its stored key; the key's kind follows from the step. */
    private String label(Step step, String key, Language language) {
        return switch (step) {
            case BOOK_SERVICE -> CivilService.valueOf(key).name(language);
            case BOOK_REGION, VISIT_REGION, FEEDBACK_REGION -> Region.valueOf(key).name(language);
            case BOOK_OFFICE -> officeName(new OfficeId(key), language);
            case BOOK_DAY -> SlotChoices.dayLabel(LocalDate.parse(key)).in(language);
            case BOOK_TIME -> CitizenDates.time(LocalTime.parse(key));
            default -> key;
        };
    }

    /** What one message does: the replies it gets and how the dialog goes on. */
    private final class Turn {
        final IncomingText in;
        final Language language;
        final Instant now;
        final List<Reply> replies = new ArrayList<>();
        Optional<Dialog> next;
        boolean unsolicited;

        Turn(IncomingText in, Language language, Instant now, Optional<Dialog> current) {
            this.in = in;
            this.language = language;
            this.now = now;
            this.next = current.map(d -> d.seen(now, language));
        }

        void say(String templateId, Map<String, String> values) {
            replies.add(new Reply(templateId, language, render(templateId, language, values)));
        }

        void end() {
            next = Optional.empty();
        }

        /** Asks {@code d}'s step (a question without a menu of stored options). */
        void ask(Dialog d) {
            Dialog at = d.with("opts", null).with("page", null).with("pageNext", null).seen(now, language);
            say(at.step().prompt(), Map.of());
            next = Optional.of(at);
        }

        /** Asks {@code d}'s step again after {@code noticeId} (the answer was not understood). */
        void askAgain(Dialog d, String noticeId) {
            // answers that are not understood count as unsolicited: an auto-responder stuck in a dialog is capped
            unsolicited = true;
            if (d.get("opts").isPresent()) {
                menu(d, List.of(d.require("opts").split(",")), Integer.parseInt(d.get("page").orElse("0")),
                        Optional.of(noticeId));
                return;
            }
            String prompt = render(d.step().prompt(), language, Map.of());
            replies.add(new Reply("dialog.notice", language, render("dialog.notice", language,
                    Map.of("notice", render(noticeId, language, Map.of()), "prompt", prompt))));
            next = Optional.of(d.seen(now, language));
        }

        void invalidAgain(Dialog d, String templateId, Map<String, String> values) {
            unsolicited = true;
            String prompt = render(templateId, language, values);
            replies.add(new Reply("dialog.notice", language, render("dialog.notice", language,
                    Map.of("notice", render("dialog.notice.invalid", language, Map.of()), "prompt", prompt))));
            next = Optional.of(d.seen(now, language));
        }

        /** Shows the page of the menu of {@code keys} that starts at {@code first}, and remembers the options. */
        void menu(Dialog d, List<String> keys, int first, Optional<String> noticeId) {
            Step step = d.step();
            List<String> labels = keys.stream().map(k -> label(step, k, language)).toList();
            String shell = render(step.prompt(), language, Map.of("menu", ""));
            String notice = noticeId.map(id -> render(id, language, Map.of())).orElse("");
            String more = render("dialog.menu.more", language, Map.of());
            int budget = SmsSegments.twoPartBudget(shell + notice + more + String.join("", labels));
            int room = budget - shell.length() - (notice.isEmpty() ? 0 : notice.length() + 1);
            Menu.Page page = Menu.page(labels, first, room, more);
            String prompt = render(step.prompt(), language, Map.of("menu", page.text()));
            if (notice.isEmpty()) {
                replies.add(new Reply(step.prompt(), language, prompt));
            } else {
                replies.add(new Reply("dialog.notice", language, render("dialog.notice", language,
                        Map.of("notice", notice, "prompt", prompt))));
            }
            next = Optional.of(d.with("opts", String.join(",", keys)).with("page", Integer.toString(first))
                    .with("pageNext", Integer.toString(page.next())).seen(now, language));
        }

        /** The option the citizen picked from the stored menu; empty when the turn already answered (more, invalid). */
        Optional<String> pick(Dialog d, String text) {
            List<String> keys = List.of(d.require("opts").split(","));
            if (Menu.isMore(text)) {
                int next = Integer.parseInt(d.get("pageNext").orElse("0"));
                menu(d, keys, next >= keys.size() ? 0 : next, Optional.empty());
                return Optional.empty();
            }
            OptionalInt n = Keywords.number(text);
            if (n.isEmpty() || n.getAsInt() < 1 || n.getAsInt() > keys.size()) {
                unsolicited = true;
                menu(d, keys, Integer.parseInt(d.get("page").orElse("0")), Optional.of("dialog.notice.invalid"));
                return Optional.empty();
            }
            return Optional.of(keys.get(n.getAsInt() - 1));
        }
    }
}
