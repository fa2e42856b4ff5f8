package sa.civilaffairs.cc.dialog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import redis.clients.jedis.StreamEntryID;
import sa.civilaffairs.cc.booking.Appointment;
import sa.civilaffairs.cc.booking.BookingOutcome;
import sa.civilaffairs.cc.booking.BookingRequest;
import sa.civilaffairs.cc.booking.SlotKey;
import sa.civilaffairs.cc.calendar.RiyadhTime;
import sa.civilaffairs.cc.channel.Channel;
import sa.civilaffairs.cc.office.CivilService;
import sa.civilaffairs.cc.office.OfficeId;
import sa.civilaffairs.cc.office.Region;
import sa.civilaffairs.cc.office.Section;
import sa.civilaffairs.cc.office.SlotCalendar;
import java.util.Map;
import sa.civilaffairs.cc.chat.ChatInbox;
import sa.civilaffairs.cc.chat.ChatReplies;
import sa.civilaffairs.cc.chat.redis.RedisChatInbox;
import sa.civilaffairs.cc.outbox.Lane;
import sa.civilaffairs.cc.outbox.OutboundSms;
import sa.civilaffairs.cc.outbox.redis.OutboxStreams;
import sa.civilaffairs.cc.outbox.redis.RedisOutbox;
import sa.civilaffairs.cc.dialog.redis.DialogKeys;
import sa.civilaffairs.cc.identity.Mobile;
import sa.civilaffairs.cc.identity.NationalId;
import sa.civilaffairs.cc.lost.LostStatus;
import sa.civilaffairs.cc.lost.redis.RedisLostReports;
import sa.civilaffairs.cc.events.redis.RedisEventLog;
import sa.civilaffairs.cc.reference.Reference;
import sa.civilaffairs.cc.reference.redis.RedisReferences;
import sa.civilaffairs.cc.testkit.RedisExtension;
import sa.civilaffairs.cc.testkit.RedisHandle;
import sa.civilaffairs.cc.text.Language;

/** Every SMS flow through the engine, on real Redis and the registry double with the demo people. */
@ExtendWith(RedisExtension.class)
class DialogFlowsIT {
    // demo people (config/registry/demo-people.json): ID and the mobile the registry holds for it
    static final String MAN = "966500000110";
    static final String MAN_ID = "1000000099";
    static final String WOMAN = "966500000108";
    static final String WOMAN_ID = "1000000073";
    static final String AGED = "966500000101";
    static final String AGED_ID = "1000000016";
    static final String PATIENT_ID = "1000000040";
    static final String DECEASED = "966500000106";
    static final String DECEASED_ID = "1000000057";
    static final String STRANGER = "966500000199";
    static final Pattern REF = Pattern.compile("\\b([1-5]\\d{8})\\b");

    private DialogRig rig;

    @BeforeEach
    void start(RedisHandle redis) {
        rig = new DialogRig(redis.client());
    }

    @AfterEach
    void stop() {
        rig.close();
    }

    static Reply only(List<Reply> replies) {
        assertEquals(1, replies.size(), () -> "replies: " + replies);
        return replies.get(0);
    }

    static String ref(Reply reply) {
        Matcher m = REF.matcher(reply.text());
        assertTrue(m.find(), () -> "no reference in " + reply.text());
        return m.group(1);
    }

    private Reply send(String from, String text) {
        return only(rig.send(from, text));
    }

    /** Books through every step from {@code from} with the first option of each menu but {@code day}. */
    private Reply bookToConfirmation(String from, String keyword, String id, String day) {
        assertEquals("dialog.book.id", send(from, keyword).templateId());
        assertEquals("dialog.book.service", send(from, id).templateId());
        assertEquals("dialog.book.region", send(from, "2").templateId());
        assertEquals("dialog.book.office", send(from, "1").templateId());
        assertEquals("dialog.book.day", send(from, "1").templateId());
        assertEquals("dialog.book.time", send(from, day).templateId());
        Reply confirm = send(from, "1");
        assertEquals("dialog.book.confirm", confirm.templateId());
        return confirm;
    }

    @Test
    void booksInArabicWithArabicIndicDigits() {
        Reply confirm = bookToConfirmation(MAN, "موعد", "١٠٠٠٠٠٠٠٩٩", "2");
        assertEquals(Language.AR, confirm.language());
        Reply booked = send(MAN, "١");
        assertEquals("appointment.confirmed", booked.templateId());
        assertTrue(booked.text().contains("جمادى"), "Hijri date: " + booked.text());
        assertTrue(booked.text().matches("(?s).*\\(\\d\\d-\\d\\d-20\\d\\d\\).*"), "Gregorian date: " + booked.text());
        List<Appointment> appointments = rig.dialogs.book().of(new NationalId(MAN_ID));
        assertEquals(1, appointments.size());
        assertEquals(ref(booked), appointments.get(0).reference().value());
        assertEquals(new Mobile(MAN), appointments.get(0).contact().orElseThrow());
        assertFalse(rig.redis.exists(DialogKeys.state(new Mobile(MAN))), "the dialog ended");
        assertEquals(1, rig.redis.zcard("{reminder}:due"), "a reminder is planned for the day before");
    }

    @Test
    void booksInEnglishWithTheShortcut() {
        Reply service = send(WOMAN, "BOOK " + WOMAN_ID);
        assertEquals("dialog.book.service", service.templateId());
        assertEquals(Language.EN, service.language());
        assertTrue(service.text().startsWith("Choose the service:\n1 "), service.text());
        send(WOMAN, "2");
        send(WOMAN, "1");
        send(WOMAN, "1");
        send(WOMAN, "1");
        assertEquals("dialog.book.confirm", send(WOMAN, "1").templateId());
        Reply booked = send(WOMAN, "yes");
        assertEquals("appointment.confirmed", booked.templateId());
        assertTrue(booked.text().startsWith("Appointment " + ref(booked)), booked.text());
        assertEquals("WOMEN", rig.dialogs.book().of(new NationalId(WOMAN_ID)).get(0).slot().section().name());
    }

    @Test
    void menusPageWithMoreAndKeepTheirNumbers() {
        send(MAN, "موعد " + MAN_ID);
        Reply region = send(MAN, "2");
        assertTrue(region.text().contains("* المزيد"), region.text());
        Reply next = send(MAN, "*");
        assertEquals("dialog.book.region", next.templateId());
        assertFalse(next.text().contains("\n1 "), next.text());
        assertEquals("dialog.book.office", send(MAN, "13").templateId(), "the last region, from the second page");
    }

    @Test
    void wrongInputAtEveryStepAsksAgainWithANotice() {
        assertEquals("dialog.notice", send(MAN, "موعد 12345").templateId());
        assertEquals("dialog.book.service", send(MAN, MAN_ID).templateId());
        for (String step : List.of("dialog.book.service", "dialog.book.region", "dialog.book.office",
                "dialog.book.day", "dialog.book.time")) {
            Reply wrong = send(MAN, "99");
            assertEquals("dialog.notice", wrong.templateId(), step);
            assertTrue(wrong.text().startsWith("اختيار غير صحيح."), wrong.text());
            rig.clock.advance(Duration.ofMinutes(1)); // keep clear of the cap on answers per minute
            assertFalse(send(MAN, step.equals("dialog.book.service") ? "2" : "1").templateId().equals("dialog.notice"));
        }
        Reply confirmAgain = send(MAN, "ربما");
        assertEquals("dialog.notice", confirmAgain.templateId());
        assertTrue(confirmAgain.text().contains("1 تأكيد"), confirmAgain.text());
    }

    @Test
    void aPhoneThatIsNotTheRegistrysGetsTheSameRefusalForEveryReason() {
        String otherPhone = send(STRANGER, "موعد " + MAN_ID).text();
        String unknown = send(STRANGER, "موعد 1000000008").text();
        String deceased = send(DECEASED, "موعد " + DECEASED_ID).text();
        assertTrue(otherPhone.contains("920022133"), otherPhone);
        assertEquals(otherPhone, unknown);
        assertEquals(otherPhone, deceased);
        assertFalse(rig.redis.exists(DialogKeys.state(new Mobile(STRANGER))));
        assertTrue(rig.dialogs.book().of(new NationalId(MAN_ID)).isEmpty());
    }

    @Test
    void registryDownAnswersTryLaterAndWritesNothing() {
        rig.registry.stubDown();
        Reply down = send(MAN, "موعد " + MAN_ID);
        assertEquals("registry.unavailable", down.templateId());
        assertFalse(rig.redis.exists(DialogKeys.state(new Mobile(MAN))));
        rig.registry.stop();
        assertEquals("registry.unavailable", send(WOMAN, "BOOK " + WOMAN_ID).templateId());
        assertTrue(rig.dialogs.book().of(new NationalId(MAN_ID)).isEmpty());
    }

    @Test
    void registryTooSlowIsUnavailableToo() {
        rig.registry.stubSlow(DialogRig.REGISTRY_TIMEOUT.plusMillis(500));
        assertEquals("registry.unavailable", send(MAN, "موعد " + MAN_ID).templateId());
    }

    @Test
    void silenceExpiresTheDialogAfterFifteenMinutes() {
        send(MAN, "موعد " + MAN_ID);
        rig.clock.advance(Duration.ofMinutes(14));
        assertEquals("dialog.book.region", send(MAN, "2").templateId(), "14 minutes: still there");
        rig.clock.advance(Duration.ofMinutes(16));
        assertEquals("dialog.expired", send(MAN, "1").templateId(), "16 minutes of silence: gone");
        assertEquals("help.menu", send(MAN, "1").templateId(), "and said once");
    }

    @Test
    void aHeldSlotLapsesWhenTheCitizenGoesSilentAndIsOfferedAgain() {
        bookToConfirmation(MAN, "موعد", MAN_ID, "1");
        rig.clock.advance(Duration.ofMinutes(6));
        Reply late = send(MAN, "1");
        assertEquals("dialog.notice", late.templateId());
        assertTrue(late.text().startsWith("انتهت مهلة التأكيد"), late.text());
        assertTrue(rig.dialogs.book().of(new NationalId(MAN_ID)).isEmpty());
        send(MAN, "1");
        assertEquals("appointment.confirmed", send(MAN, "1").templateId());
    }

    @Test
    void zeroAbandonsAndReleasesTheHold() {
        bookToConfirmation(MAN, "حجز", MAN_ID, "1");
        assertEquals("dialog.cancelled", send(MAN, "0").templateId());
        assertFalse(rig.redis.exists(DialogKeys.state(new Mobile(MAN))));
        assertEquals("help.menu", send(MAN, "1").templateId());
    }

    @Test
    void aKeywordInsideADialogStartsThatDialog() {
        send(MAN, "موعد");
        assertEquals("dialog.visit.who", send(MAN, "زيارة").templateId());
    }

    @Test
    void theSameMessageIdIsAnsweredOnceAndChangesNothingMore() {
        send(MAN, "موعد " + MAN_ID);
        IncomingText pick = rig.message(MAN, "2");
        List<Reply> first = rig.handle(pick);
        List<Reply> again = rig.handle(pick);
        assertEquals(first, again);
        assertEquals("dialog.book.office", send(MAN, "1").templateId(), "the region step was answered once only");
    }

    @Test
    void unknownTextGetsHelpAtMostThreeTimesAMinute() {
        int answered = 0;
        for (int i = 0; i < 6; i++) {
            answered += rig.send(MAN, "auto-reply: I am out of office").size();
        }
        assertEquals(RedisDialogsCaps.UNSOLICITED, answered);
        rig.clock.advance(Duration.ofMinutes(1));
        assertEquals("help.menu", send(MAN, "hello").templateId());
        assertEquals("help.menu", send(MAN, "help").templateId(), "asked-for help is not capped at three");
    }

    @Test
    void anOverlongMessageIsAnsweredOnceWithHelp() {
        String essay = "ا".repeat(1200);
        assertEquals("dialog.oversized", send(MAN, essay).templateId());
        assertTrue(rig.send(MAN, essay).isEmpty());
        assertTrue(rig.send(MAN, "binary \u0000\u0001").isEmpty());
    }

    @Test
    void statusListsTheOpenItemsOfTheVerifiedPerson() {
        bookToConfirmation(MAN, "موعد", MAN_ID, "1");
        String ref = ref(send(MAN, "1"));
        assertEquals("dialog.status.id", send(MAN, "حالة").templateId());
        Reply list = send(MAN, MAN_ID);
        assertEquals("dialog.status.list", list.templateId());
        assertTrue(list.text().contains(ref), list.text());
        assertEquals("status.none", send(WOMAN, "STATUS " + WOMAN_ID).templateId());
    }

    @Test
    void statusByReferenceNeverRevealsAnotherPersonsItem() {
        bookToConfirmation(MAN, "موعد", MAN_ID, "1");
        String ref = ref(send(MAN, "1"));
        Reply mine = send(MAN, "حالة " + ref);
        assertTrue(mine.text().contains(ref) && mine.text().contains(":"), mine.text());
        Reply foreign = send(STRANGER, "حالة " + ref);
        assertEquals("status.unknown", foreign.templateId());
        String unknownRef = Reference.of(sa.civilaffairs.cc.reference.ReferenceKind.APPOINTMENT, "9999999").value();
        Reply unknown = send(STRANGER, "حالة " + unknownRef);
        assertEquals(foreign.text().replace(ref, "#"), unknown.text().replace(unknownRef, "#"));
    }

    @Test
    void cancelsByReferenceAfterConfirmation() {
        bookToConfirmation(MAN, "موعد", MAN_ID, "2");
        String ref = ref(send(MAN, "1"));
        assertEquals("status.unknown", send(STRANGER, "الغاء " + ref).templateId());
        assertEquals("dialog.cancel.confirm", send(MAN, "إلغاء " + ref).templateId());
        assertEquals("appointment.cancelled", send(MAN, "نعم").templateId());
        assertFalse(rig.dialogs.book().find(new Reference(ref)).orElseThrow().active());
        assertEquals(0, rig.redis.zcard("{reminder}:due"), "no reminder for a cancelled appointment");
    }

    @Test
    void cancelKeptOnNo() {
        bookToConfirmation(MAN, "موعد", MAN_ID, "1");
        String ref = ref(send(MAN, "1"));
        send(MAN, "CANCEL");
        assertEquals("dialog.cancel.confirm", send(MAN, ref).templateId());
        assertEquals("dialog.cancel.kept", send(MAN, "no").templateId());
        assertTrue(rig.dialogs.book().find(new Reference(ref)).orElseThrow().active());
    }

    @Test
    void taqdeerForOneselfAged85IsEligible() {
        assertEquals("dialog.visit.who", send(AGED, "تقدير").templateId());
        assertEquals("dialog.visit.id", send(AGED, "1").templateId());
        assertEquals("dialog.visit.category", send(AGED, AGED_ID).templateId());
        assertEquals("dialog.visit.place", send(AGED, "1").templateId());
        assertEquals("dialog.visit.region", send(AGED, "1").templateId());
        assertEquals("dialog.visit.city", send(AGED, "1").templateId());
        assertEquals("dialog.visit.address", send(AGED, "الرياض").templateId());
        assertEquals("dialog.visit.contact", send(AGED, "حي النخيل، شارع ١٢، بجوار المسجد").templateId());
        Reply done = send(AGED, "1");
        assertEquals("visit.submitted.eligible", done.templateId());
        assertEquals('2', ref(done).charAt(0));
    }

    @Test
    void taqdeerForSomeoneElseIsReviewedForAPatient() {
        send(MAN, "VISIT");
        assertEquals("dialog.visit.requester", send(MAN, "2").templateId());
        assertEquals("dialog.visit.id", send(MAN, MAN_ID).templateId());
        assertEquals("dialog.visit.category", send(MAN, PATIENT_ID).templateId());
        send(MAN, "3");
        send(MAN, "2");
        send(MAN, "1");
        send(MAN, "Riyadh");
        send(MAN, "Al Nakheel, street 12");
        Reply done = send(MAN, "0555123456");
        assertEquals("visit.submitted.review", done.templateId());
        assertEquals(Language.EN, send(MAN, "STATUS " + ref(done)).language());
    }

    @Test
    void taqdeerRefusesAnAgeTheRegistryContradicts() {
        send(MAN, "زيارة");
        send(MAN, "2");
        send(MAN, MAN_ID);
        send(MAN, PATIENT_ID);
        assertEquals("visit.refused.under85", send(MAN, "1").templateId());
    }

    @Test
    void feedbackShortcutAsksKindAndRegionThenOpensATicket() {
        assertEquals("dialog.feedback.kind", send(MAN, "تحسين الانتظار طويل جدا في المكتب").templateId());
        assertEquals("dialog.feedback.region", send(MAN, "1").templateId());
        Reply opened = send(MAN, "1");
        assertEquals("ticket.opened", opened.templateId());
        assertEquals('3', ref(opened).charAt(0));
    }

    @Test
    void complaintKeywordSkipsTheKindAndAsksTheText() {
        assertEquals("dialog.feedback.region", send(WOMAN, "complaint").templateId());
        assertEquals("dialog.feedback.text", send(WOMAN, "2").templateId());
        assertEquals("ticket.opened", send(WOMAN, "The staff were kind but the queue took two hours").templateId());
    }

    @Test
    void lostDocumentThenReplacementAppointment(RedisHandle redis) {
        assertEquals("dialog.lost.id", send(MAN, "مفقود").templateId());
        assertEquals("dialog.lost.kind", send(MAN, MAN_ID).templateId());
        List<Reply> reported = rig.send(MAN, "1");
        assertEquals(List.of("lost.reported", "dialog.lost.offer"), reported.stream().map(Reply::templateId).toList());
        String lostRef = ref(reported.get(0));
        assertEquals("dialog.book.region", send(MAN, "1").templateId(), "the replacement service is chosen already");
        send(MAN, "1");
        send(MAN, "1");
        send(MAN, "1");
        send(MAN, "1");
        Reply booked = send(MAN, "1");
        assertEquals("appointment.confirmed", booked.templateId());
        RedisLostReports reports = new RedisLostReports(redis.client(), new RedisReferences(redis.client()),
                new RedisEventLog(redis.client()), rig.clock);
        assertEquals(LostStatus.REPLACEMENT_BOOKED, reports.find(new Reference(lostRef)).orElseThrow().status());
        assertEquals("ID_REPLACEMENT", rig.dialogs.book().of(new NationalId(MAN_ID)).get(0).slot().service().name());
    }

    @Test
    void chatMessagesGoToTheAgentInbox() {
        assertEquals("chat.started", send(MAN, "محادثة").templateId());
        assertTrue(rig.send(MAN, "أحتاج مساعدة في تجديد الهوية").isEmpty());
        assertTrue(rig.send(MAN, "موعد").isEmpty(), "keywords are chat text inside a chat");
        assertEquals(2, rig.redis.xlen(RedisChatInbox.INBOX));
        assertEquals("أحتاج مساعدة في تجديد الهوية", rig.redis.xrange(RedisChatInbox.INBOX, (StreamEntryID) null,
                (StreamEntryID) null).get(0).getFields().get("text"));
        assertEquals("chat.ended", send(MAN, "الغاء").templateId());
    }

    @Test
    void agentRepliesGoBackAsSmsAndIntoTheConversation() {
        send(MAN, "محادثة");
        new ChatReplies(new RedisChatInbox(rig.redis), new RedisOutbox(rig.redis), DialogRig.TEMPLATES, rig.clock)
                .reply(new Mobile(MAN), "agent7", "مكتب الملز يفتح الساعة 7:30", Language.AR);
        OutboundSms sms = OutboundSms.fromFields(rig.redis.xrange(OutboxStreams.key(Lane.REPLY),
                (StreamEntryID) null, (StreamEntryID) null).get(0).getFields());
        assertEquals("الموظف: مكتب الملز يفتح الساعة 7:30", sms.text());
        assertEquals(new Mobile(MAN), sms.to());
        Map<String, String> out = rig.redis.xrange(RedisChatInbox.INBOX, (StreamEntryID) null, (StreamEntryID) null)
                .get(0).getFields();
        assertEquals("OUT", out.get("direction"));
        assertEquals(ChatInbox.conversationOf(new Mobile(MAN)), out.get("conversation"));
    }

    @Test
    void stopPutsTheNumberOnTheStopList() {
        Reply stop = send(MAN, "ايقاف");
        assertEquals("stop.confirmed", stop.templateId());
        assertTrue(rig.redis.sismember("{sms}:stop", MAN));
        send(MAN, "موعد");
        assertFalse(rig.redis.sismember("{sms}:stop", MAN), "BOOK brings the reminders back, as stop.confirmed says");
    }

    @Test
    void helpListsTheKeywordsInTheMessagesLanguage() {
        assertTrue(send(MAN, "مساعدة").text().contains("موعد"));
        assertTrue(send(MAN, "HELP").text().contains("BOOK"));
        assertTrue(send(MAN, "؟").text().contains("موعد"));
    }

    @Test
    void twoPhonesRaceForTheLastPlaceAndOnlyOneHoldsIt() throws Exception {
        SlotKey slot = firstSlotOfTheFlow();
        int capacity = new SlotCalendar(DialogRig.CATALOGUE).capacity(slot).orElseThrow();
        for (int i = 0; i < capacity - 1; i++) {
            assertTrue(rig.dialogs.book().book(new BookingRequest(slot, someone(i), Optional.empty(),
                    Channel.CONSOLE, "fill-" + i)) instanceof BookingOutcome.Booked);
        }
        String other = "966500000104";
        for (String[] phone : List.of(new String[] {MAN, MAN_ID}, new String[] {other, PATIENT_ID})) {
            send(phone[0], "موعد " + phone[1]);
            send(phone[0], "2");
            send(phone[0], "1");
            send(phone[0], "1");
            assertEquals("dialog.book.time", send(phone[0], "1").templateId());
        }
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Reply> a = pool.submit(() -> {
                go.await();
                return only(rig.send(MAN, "1"));
            });
            Future<Reply> b = pool.submit(() -> {
                go.await();
                return only(rig.send(other, "1"));
            });
            go.countDown();
            List<String> outcomes = new java.util.ArrayList<>(List.of(a.get(10, TimeUnit.SECONDS).templateId(),
                    b.get(10, TimeUnit.SECONDS).templateId()));
            java.util.Collections.sort(outcomes);
            assertEquals(List.of("dialog.book.confirm", "dialog.notice"), outcomes);
        } finally {
            pool.shutdownNow();
        }
    }

    private SlotKey firstSlotOfTheFlow() {
        OfficeId office = DialogRig.CATALOGUE.offering(CivilService.ID_RENEWAL, Region.RIYADH, Section.MEN).get(0)
                .id();
        LocalDate day = rig.dialogs.book().daysWithFreeSlots(office, Section.MEN, CivilService.ID_RENEWAL,
                RiyadhTime.today(rig.clock), 1).get(0);
        LocalTime time = rig.dialogs.book().freeSlots(office, Section.MEN, CivilService.ID_RENEWAL, day).get(0)
                .start();
        return new SlotKey(office, Section.MEN, CivilService.ID_RENEWAL, day, time);
    }

    /** A valid national ID (Luhn) that is none of the demo people. */
    private static NationalId someone(int n) {
        String body = "17" + String.format("%07d", n);
        return new NationalId(body + NationalId.luhnCheckDigit(body));
    }

    /** The caps of {@link sa.civilaffairs.cc.dialog.redis.RedisDialogs}. */
    static final class RedisDialogsCaps {
        static final int UNSOLICITED = sa.civilaffairs.cc.dialog.redis.RedisDialogs.UNSOLICITED_PER_MINUTE;
    }
}
