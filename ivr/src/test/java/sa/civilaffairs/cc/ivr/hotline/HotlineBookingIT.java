package sa.civilaffairs.cc.ivr.hotline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import sa.civilaffairs.cc.booking.Appointment;
import sa.civilaffairs.cc.calendar.RiyadhTime;
import sa.civilaffairs.cc.identity.NationalId;
import sa.civilaffairs.cc.ivr.agidouble.CallRecord;
import sa.civilaffairs.cc.ivr.agidouble.ScriptedCaller;
import sa.civilaffairs.cc.ivr.prompt.Speech;
import sa.civilaffairs.cc.office.CivilService;
import sa.civilaffairs.cc.office.Region;
import sa.civilaffairs.cc.office.Section;
import sa.civilaffairs.cc.testkit.LogCapture;
import sa.civilaffairs.cc.testkit.RedisExtension;
import sa.civilaffairs.cc.testkit.RedisHandle;
import sa.civilaffairs.cc.testkit.RegistryDouble;

/** Booking by phone through the FastAGI server over TCP, with the real appointment book on Redis. */
@ExtendWith(RedisExtension.class)
class HotlineBookingIT {

    /** Sunday 6 December 2026, 09:00 in Riyadh: agents are in. */
    static final Clock CLOCK = RiyadhTime.fixedAt(LocalDateTime.of(2026, 12, 6, 9, 0));
    static final NationalId ABDULLAH = new NationalId("1000000016");
    static final String ABDULLAH_MOBILE = "0500000101";

    private static RegistryDouble registry;
    private HotlineRig rig;

    @BeforeAll
    static void registry() {
        registry = RegistryDouble.start();
    }

    @AfterAll
    static void stopRegistry() {
        registry.close();
    }

    @BeforeEach
    void start(RedisHandle redis) {
        registry.reset();
        registry.stubDemoPeople();
        rig = new HotlineRig(redis.client(), registry.settings(), CLOCK);
    }

    @AfterEach
    void stop() {
        rig.close();
        assertEquals(List.of(), rig.missingPrompts, "prompt ids missing from config/prompts/catalogue.yaml");
    }

    /** Keys of the menus for ID renewal at the first Riyadh office, men's section, first day, first time. */
    static String renewalKey() {
        return key(List.of(CivilService.values()).stream()
                .filter(s -> !HotlineRig.CATALOGUE.regionsOffering(s, Section.MEN).isEmpty()).toList()
                .indexOf(CivilService.ID_RENEWAL));
    }

    static String riyadhKey() {
        return key(HotlineRig.CATALOGUE.regionsOffering(CivilService.ID_RENEWAL, Section.MEN).indexOf(Region.RIYADH));
    }

    private static String key(int index) {
        return String.valueOf(index + 1);
    }

    /** The keys of a booking in Arabic up to the confirmation; step n is asked after the first n keys. */
    static List<String> keysToConfirmation() {
        return List.of("1", "1", "1000000016#", renewalKey(), riyadhKey(), "1", "1", "1");
    }

    /** The whole booking, pressing each key when asked. */
    static ScriptedCaller booking(String language) {
        return ScriptedCaller.script().press(language).press("1").press("1000000016#").press(renewalKey())
                .press(riyadhKey()).press("1").press("1").press("1").press("1");
    }

    @Test
    void booksInArabicAndReadsTheConfirmation() {
        CallRecord call;
        try (LogCapture logs = LogCapture.of("sa.civilaffairs.cc"); LogCapture library = LogCapture.of("org.asteriskjava")) {
            call = rig.call(ABDULLAH_MOBILE, booking("1"));
            assertTrue(logs.messages("INFO").stream().anyMatch(m -> m.contains("call " + call.uniqueId()
                    + " ended at DONE (done)")), logs.messages("INFO").toString());
            for (LogCapture capture : List.of(logs, library)) {
                assertFalse(capture.events().stream().anyMatch(e -> e.getFormattedMessage().contains(ABDULLAH.value())
                        || e.getFormattedMessage().contains("500000101")), "a log line holds the ID or mobile unmasked");
            }
        }
        assertEquals(CallRecord.End.IVR_CLOSED, call.end());
        List<Appointment> booked = rig.book.of(ABDULLAH);
        assertEquals(1, booked.size());
        Appointment a = booked.get(0);
        assertTrue(a.active());
        assertEquals(CivilService.ID_RENEWAL, a.slot().service());
        assertEquals(LocalDate.of(2026, 12, 6), a.slot().date());

        List<String> said = HotlineRig.said(call);
        int at = said.indexOf("ar:booked");
        assertTrue(at > 0, said.toString());
        List<String> expected = new java.util.ArrayList<>();
        Speech.reference(a.reference()).forEach(p -> expected.add("ar:" + p.id()));
        Speech.date(a.slot().date()).forEach(p -> expected.add("ar:" + p.id()));
        Speech.time(a.slot().start()).forEach(p -> expected.add("ar:" + p.id()));
        assertEquals(expected, said.subList(at + 1, at + 1 + expected.size()));
        assertTrue(said.contains("ar:hijri-month-6"), "Hijri month Jumada al-Akhirah 1448: " + said);
        assertTrue(said.contains("ar:month-12"), said.toString());
        assertEquals(List.of("appointment.confirmed 966500000101"), rig.notifications());
        String sms = rig.notificationTexts().get(0);
        assertTrue(sms.contains(a.reference().value()) && sms.contains("الأحد") && sms.contains("1448")
                && sms.contains("06-12-2026") && sms.contains(sa.civilaffairs.cc.calendar.CitizenDates.time(a.slot().start())),
                sms);
        assertEquals(0, rig.liveHolds());
        assertEquals("hangup", call.variables().get("CC_NEXT"));
        assertEquals(a.reference().value(), call.variables().get("__CC_REF"));
        assertEquals("book", call.variables().get("__CC_INTENT"));
        assertEquals("", call.lostKeys());
    }

    @Test
    void booksInEnglish() {
        CallRecord call = rig.call(ABDULLAH_MOBILE, booking("2"));
        assertEquals(1, rig.book.of(ABDULLAH).size());
        List<String> said = HotlineRig.said(call);
        assertTrue(said.contains("en:booked"), said.toString());
        assertTrue(said.stream().skip(3).allMatch(s -> s.startsWith("en:")), said.toString());
        assertEquals("en", call.variables().get("__CC_LANG"));
    }

    @Test
    void noSmsWhenTheCallerIsNotAMobile() {
        CallRecord call = rig.call("0112345678", booking("1"));
        assertEquals(1, rig.book.of(ABDULLAH).size());
        assertEquals(List.of(), rig.notifications());
        assertFalse(HotlineRig.said(call).contains("ar:sms-sent"));
    }

    @Test
    void sayingNoReleasesTheHold() {
        CallRecord call = rig.call(ABDULLAH_MOBILE, ScriptedCaller.script().press("1").press("1")
                .press("1000000016#").press(renewalKey()).press(riyadhKey()).press("1").press("1").press("1")
                .press("2").hangUp());
        assertTrue(HotlineRig.said(call).contains("ar:not-booked"));
        assertEquals(List.of(), rig.book.of(ABDULLAH));
        assertEquals(0, rig.liveHolds());
    }

    @Test
    void starGoesBackOneStep() {
        CallRecord call = rig.call(ABDULLAH_MOBILE, ScriptedCaller.script().press("1").press("1")
                .press("1000000016#").press(renewalKey()).press("*").press(renewalKey()).press(riyadhKey())
                .press("1").press("1").press("1").press("1"));
        List<String> said = HotlineRig.said(call);
        assertEquals(2, said.stream().filter("ar:choose-service"::equals).count(), said.toString());
        assertEquals(1, rig.book.of(ABDULLAH).size());
        assertTrue(call.variables().get("__CC_TRAIL").contains("*"));
    }

    @Test
    void wrongIdThreeTimesGoesToAnAgentWithWhatWasLearnt() {
        CallRecord call = rig.call(ABDULLAH_MOBILE, ScriptedCaller.script().press("1").press("1")
                .press("1234567890#").press("#").press("12#"));
        List<String> said = HotlineRig.said(call);
        assertEquals(3, said.stream().filter("ar:nid-invalid"::equals).count(), said.toString());
        assertEquals("ar:transfer-agent", said.get(said.size() - 1));
        assertEquals("queue-ar", call.variables().get("CC_NEXT"));
        assertEquals("civil-affairs-ar", call.variables().get("CC_QUEUE"));
        assertEquals("ar", call.variables().get("__CC_LANG"));
        assertEquals("book", call.variables().get("__CC_INTENT"));
        assertEquals("1>1", call.variables().get("__CC_TRAIL"));
        assertEquals("", call.variables().get("__CC_NID"));
        assertEquals(CallRecord.End.IVR_CLOSED, call.end());
    }

    @Test
    void anUnknownIdCountsAsAWrongEntry() {
        String nine = "198765432";
        String id = nine + NationalId.luhnCheckDigit(nine);
        registry.stubUnknown(new NationalId(id));
        CallRecord call = rig.call(ABDULLAH_MOBILE, ScriptedCaller.script().press("2").press("1").press(id + "#")
                .press(id + "#").press(id + "#"));
        List<String> said = HotlineRig.said(call);
        assertEquals(3, said.stream().filter("en:nid-unknown"::equals).count(), said.toString());
        assertEquals("queue-en", call.variables().get("CC_NEXT"));
        assertEquals("civil-affairs-en", call.variables().get("CC_QUEUE"));
    }

    @Test
    void silenceRepeatsTwiceThenGoesToAnAgent() {
        CallRecord call = rig.call(ABDULLAH_MOBILE, ScriptedCaller.script().press("1").silence(3));
        List<String> said = HotlineRig.said(call);
        assertEquals(3, said.stream().filter("ar:main-menu"::equals).count(), said.toString());
        assertEquals(2, said.stream().filter("ar:no-input"::equals).count(), said.toString());
        assertEquals("queue-ar", call.variables().get("CC_NEXT"));
        assertEquals("agent", call.variables().get("__CC_INTENT"));
    }

    @Test
    void silenceAtTheConfirmationReleasesTheHoldAndGoesToAnAgent() {
        CallRecord call = rig.call(ABDULLAH_MOBILE, ScriptedCaller.script().press("1").press("1")
                .press("1000000016#").press(renewalKey()).press(riyadhKey()).press("1").press("1").press("1")
                .silence(3));
        assertEquals("queue-ar", call.variables().get("CC_NEXT"));
        assertEquals(ABDULLAH.value(), call.variables().get("__CC_NID"));
        assertEquals(0, rig.liveHolds());
        assertEquals(List.of(), rig.book.of(ABDULLAH));
    }

    @Test
    void callersWhoKnowTheMenusTypeAhead() {
        CallRecord call = rig.call(ABDULLAH_MOBILE, ScriptedCaller.script().typeAhead("1").typeAhead("1")
                .typeAhead("1000000016#").typeAhead(renewalKey()).typeAhead(riyadhKey()).typeAhead("1")
                .typeAhead("1").typeAhead("1").typeAhead("1"));
        assertEquals("", call.lostKeys(), "keys lost during a prompt without escape digits");
        assertEquals(1, rig.book.of(ABDULLAH).size());
        List<String> said = HotlineRig.said(call);
        // each menu stopped at its first piece: the region menu did not read thirteen regions
        assertFalse(said.contains("ar:region-riyadh"), said.toString());
        assertFalse(said.contains("ar:language-menu"), said.toString());
    }

    @Test
    void redisDownMidCallSaysSorryAndGoesToAnAgent(RedisHandle redis) {
        redis.server().stop();
        CallRecord call = rig.call(ABDULLAH_MOBILE, ScriptedCaller.script().press("2").press("3")
                .press("1000000016#"));
        List<String> said = HotlineRig.said(call);
        assertEquals("en:system-error", said.get(said.size() - 1));
        assertEquals("queue-en", call.variables().get("CC_NEXT"));
        assertEquals(ABDULLAH.value(), call.variables().get("__CC_NID"));
        assertEquals("appointments", call.variables().get("__CC_INTENT"));
    }

    @Test
    void registryDownGoesToAnAgent() {
        registry.stubDown();
        CallRecord call = rig.call(ABDULLAH_MOBILE, ScriptedCaller.script().press("1").press("1")
                .press("1000000016#"));
        List<String> said = HotlineRig.said(call);
        assertTrue(said.contains("ar:registry-down"), said.toString());
        assertEquals("queue-ar", call.variables().get("CC_NEXT"));
    }
}
