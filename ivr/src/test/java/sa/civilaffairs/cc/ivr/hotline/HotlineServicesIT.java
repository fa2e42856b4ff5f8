package sa.civilaffairs.cc.ivr.hotline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import sa.civilaffairs.cc.booking.Appointment;
import sa.civilaffairs.cc.booking.AppointmentStatus;
import sa.civilaffairs.cc.booking.BookingOutcome;
import sa.civilaffairs.cc.booking.BookingRequest;
import sa.civilaffairs.cc.booking.FreeSlot;
import sa.civilaffairs.cc.booking.SlotKey;
import sa.civilaffairs.cc.calendar.RiyadhTime;
import sa.civilaffairs.cc.channel.Channel;
import sa.civilaffairs.cc.identity.NationalId;
import sa.civilaffairs.cc.ivr.agidouble.CallRecord;
import sa.civilaffairs.cc.ivr.agidouble.ScriptedCaller;
import sa.civilaffairs.cc.lost.LostReport;
import sa.civilaffairs.cc.lost.LostStatus;
import sa.civilaffairs.cc.office.CivilService;
import sa.civilaffairs.cc.office.OfficeId;
import sa.civilaffairs.cc.office.Region;
import sa.civilaffairs.cc.office.Section;
import sa.civilaffairs.cc.reference.Reference;
import sa.civilaffairs.cc.testkit.RecordedEvents;
import sa.civilaffairs.cc.testkit.RedisExtension;
import sa.civilaffairs.cc.testkit.RedisHandle;
import sa.civilaffairs.cc.testkit.RegistryDouble;
import sa.civilaffairs.cc.visit.Eligibility;
import sa.civilaffairs.cc.visit.VisitRequest;

/** My appointments, status by reference, Taqdeer, lost documents, out of hours and a race for one slot. */
@ExtendWith(RedisExtension.class)
class HotlineServicesIT {

    static final NationalId SAAD = new NationalId("1000000040");
    static final OfficeId MALAZ = new OfficeId("RUH-01");
    static final LocalDate MONDAY = LocalDate.of(2026, 12, 7);

    private static RegistryDouble registry;
    private HotlineRig rig;
    private RedisHandle redis;

    @BeforeAll
    static void registry() {
        registry = RegistryDouble.start();
        registry.stubDemoPeople();
    }

    @AfterAll
    static void stopRegistry() {
        registry.close();
    }

    @BeforeEach
    void start(RedisHandle redis) {
        this.redis = redis;
        rig = new HotlineRig(redis.client(), registry.settings(), HotlineBookingIT.CLOCK);
    }

    @AfterEach
    void stop() {
        rig.close();
        assertEquals(List.of(), rig.missingPrompts);
    }

    private Appointment seed(NationalId person, CivilService service, LocalTime start) {
        BookingOutcome outcome = rig.book.book(new BookingRequest(new SlotKey(MALAZ, Section.MEN, service, MONDAY,
                start), person, Optional.empty(), Channel.CONSOLE, "seed-" + person.value() + service));
        return ((BookingOutcome.Booked) outcome).appointment();
    }

    @Test
    void hearsAndCancelsAnAppointment() {
        Appointment first = seed(SAAD, CivilService.ID_RENEWAL, LocalTime.of(10, 0));
        Appointment second = seed(SAAD, CivilService.DATA_CORRECTION, LocalTime.of(11, 0));
        // hear the newest, skip it (2), cancel the next (1), confirm (1)
        CallRecord call = rig.call("0500000104", ScriptedCaller.script().press("1").press("3").press("1000000040#")
                .press("2").press("1").press("1"));
        List<String> said = HotlineRig.said(call);
        assertEquals(2, said.stream().filter("ar:appointment"::equals).count(), said.toString());
        assertTrue(said.contains("ar:cancelled"), said.toString());
        List<AppointmentStatus> statuses = new ArrayList<>();
        for (Appointment a : List.of(first, second)) {
            statuses.add(rig.book.find(a.reference()).orElseThrow().status());
        }
        assertEquals(1, statuses.stream().filter(s -> s == AppointmentStatus.CANCELLED).count(), statuses.toString());
        assertEquals(List.of("appointment.cancelled 966500000104"), rig.notifications());
        assertEquals("appointments", call.variables().get("__CC_INTENT"));
    }

    @Test
    void keepingTheAppointmentCancelsNothing() {
        Appointment a = seed(SAAD, CivilService.ID_RENEWAL, LocalTime.of(10, 0));
        CallRecord call = rig.call("0500000104", ScriptedCaller.script().press("2").press("3").press("1000000040#")
                .press("1").press("2").hangUp());
        assertTrue(HotlineRig.said(call).contains("en:not-cancelled"));
        assertEquals(AppointmentStatus.BOOKED, rig.book.find(a.reference()).orElseThrow().status());
    }

    @Test
    void noAppointmentsSaysSo() {
        CallRecord call = rig.call("0500000104", ScriptedCaller.script().press("1").press("3").press("1000000040#")
                .hangUp());
        assertTrue(HotlineRig.said(call).contains("ar:no-appointments"));
    }

    @Test
    void statusByReferenceReadsTheAppointment() {
        Appointment a = seed(SAAD, CivilService.ID_RENEWAL, LocalTime.of(10, 30));
        CallRecord call = rig.call("0112345678", ScriptedCaller.script().press("2").press("5")
                .press(a.reference().value() + "#"));
        List<String> said = HotlineRig.said(call);
        int at = said.indexOf("en:status-of");
        assertTrue(at >= 0, said.toString());
        List<String> digits = a.reference().value().chars().mapToObj(c -> "en:number-" + (char) c).toList();
        assertEquals(digits, said.subList(at + 1, at + 10));
        assertTrue(said.containsAll(List.of("en:status-appointment-booked", "en:office-ruh-01", "en:day-monday",
                "en:number-10", "en:number-30")), said.toString());
        assertEquals(a.reference().value(), call.variables().get("__CC_REF"));
    }

    @Test
    void aWrongOrUnknownReferenceIsAWrongEntry() {
        Reference unknown = Reference.of(sa.civilaffairs.cc.reference.ReferenceKind.APPOINTMENT, "9999999");
        CallRecord call = rig.call("0112345678", ScriptedCaller.script().press("1").press("5").press("123#")
                .press(unknown.value() + "#").press("#"));
        List<String> said = HotlineRig.said(call);
        assertEquals(2, said.stream().filter("ar:reference-invalid"::equals).count(), said.toString());
        assertEquals(1, said.stream().filter("ar:reference-unknown"::equals).count(), said.toString());
        assertEquals("queue-ar", call.variables().get("CC_NEXT"));
        assertEquals("status", call.variables().get("__CC_INTENT"));
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "language key {0}")
    @org.junit.jupiter.params.provider.CsvSource({"1,ar", "2,en"})
    void taqdeerForAnEligibleParentOnTheCallersBehalf(String key, String language) {
        // Sarah (29) asks for her father Abdullah (88): eligible at once
        CallRecord call = rig.call("0500000108", ScriptedCaller.script().press(key).press("2").press("1000000073#")
                .press("2").press("1000000016#").press("1").press("1"));
        List<String> said = HotlineRig.said(call);
        assertTrue(said.contains(language + ":taqdeer-submitted-eligible"), said.toString());
        assertTrue(rig.notificationTexts().get(0).contains(language.equals("en") ? "Taqdeer" : "تقدير"),
                rig.notificationTexts().toString());
        Reference ref = Reference.parse(call.variables().get("__CC_REF"));
        VisitRequest request = rig.services.visits().orElseThrow().find(ref).orElseThrow();
        assertEquals(new NationalId("1000000016"), request.beneficiary());
        assertEquals(Eligibility.ELIGIBLE, request.eligibility());
        assertEquals(Region.values()[0], request.region());
        assertEquals(List.of("visit.submitted.eligible 966500000108"), rig.notifications());
    }

    @Test
    void taqdeerForAYoungerCallerIsReviewedAndForTheDeceasedRefused() {
        CallRecord own = rig.call("0500000103", ScriptedCaller.script().press("1").press("2").press("1000000032#")
                .press("1").press("2").press("3"));
        assertTrue(HotlineRig.said(own).contains("ar:taqdeer-submitted-eligible"), "registered disability");
        CallRecord patient = rig.call("0500000104", ScriptedCaller.script().press("1").press("2")
                .press("1000000040#").press("1").press("2").press("1"));
        assertTrue(HotlineRig.said(patient).contains("ar:taqdeer-submitted-review"), HotlineRig.said(patient).toString());
        CallRecord deceased = rig.call("0500000104", ScriptedCaller.script().press("1").press("2")
                .press("1000000040#").press("2").press("1000000057#"));
        assertTrue(HotlineRig.said(deceased).contains("ar:taqdeer-refused-deceased"));
        assertEquals(2, rig.services.visits().orElseThrow().of(SAAD).size()
                + rig.services.visits().orElseThrow().of(new NationalId("1000000032")).size());
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "hang-up after {0} answers")
    @org.junit.jupiter.params.provider.ValueSource(ints = {0, 1, 2, 3, 4, 5, 6})
    void aHangUpBeforeTheLastAnswerFilesNoVisitRequest(int answers) {
        List<String> keys = List.of("1", "2", "1000000073#", "2", "1000000016#", "1", "1");
        ScriptedCaller caller = ScriptedCaller.script();
        keys.subList(0, answers).forEach(caller::press);
        CallRecord call = rig.call("0500000108", caller.hangUp());
        assertEquals(CallRecord.End.CALLER_HUNG_UP, call.end());
        assertEquals(List.of(), rig.services.visits().orElseThrow().of(new NationalId("1000000016")));
        assertEquals(List.of(), rig.notifications());
    }

    @Test
    void aHangUpAtTheCancelConfirmationCancelsNothing() {
        Appointment a = seed(SAAD, CivilService.ID_RENEWAL, LocalTime.of(10, 0));
        rig.call("0500000104", ScriptedCaller.script().press("1").press("3").press("1000000040#").press("1")
                .hangUp());
        assertEquals(AppointmentStatus.BOOKED, rig.book.find(a.reference()).orElseThrow().status());
        assertEquals(List.of(), rig.notifications());
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "language key {0}")
    @org.junit.jupiter.params.provider.CsvSource({"1,ar", "2,en"})
    void lostIdIsReportedAndTheReplacementBooked(String key, String language) {
        String riyadh = String.valueOf(HotlineRig.CATALOGUE.regionsOffering(CivilService.ID_REPLACEMENT, Section.MEN)
                .indexOf(Region.RIYADH) + 1);
        CallRecord call = rig.call("0500000104", ScriptedCaller.script().press(key).press("4").press("1000000040#")
                .press("1").press("1").press(riyadh).press("1").press("1").press("1").press("1"));
        List<String> said = HotlineRig.said(call);
        assertTrue(said.contains(language + ":lost-reported") && said.contains(language + ":booked"), said.toString());
        List<LostReport> reports = rig.services.lost().orElseThrow().of(SAAD);
        assertEquals(1, reports.size());
        assertEquals(LostStatus.REPLACEMENT_BOOKED, reports.get(0).status());
        Appointment replacement = rig.book.of(SAAD).get(0);
        assertEquals(CivilService.ID_REPLACEMENT, replacement.slot().service());
        assertEquals(Optional.of(replacement.reference()), reports.get(0).replacementAppointment());
        assertEquals(List.of("lost.reported 966500000104", "appointment.confirmed 966500000104"), rig.notifications());
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "language key {0}")
    @org.junit.jupiter.params.provider.CsvSource({"1,ar", "2,en"})
    void outOfHoursTheAgentOptionBecomesACallback(String key, String language, RedisHandle redis) {
        try (HotlineRig night = new HotlineRig(redis.client(), registry.settings(),
                RiyadhTime.fixedAt(LocalDateTime.of(2026, 12, 6, 22, 0)))) {
            CallRecord call = night.call("0500000101", ScriptedCaller.script().press(key).press("0"));
            List<String> said = HotlineRig.said(call);
            assertTrue(said.contains(language + ":out-of-hours") && said.contains(language + ":callback-sms"),
                    said.toString());
            assertEquals("callback", call.variables().get("CC_NEXT"));
            Reference ref = Reference.parse(call.variables().get("__CC_REF"));
            assertEquals(sa.civilaffairs.cc.reference.ReferenceKind.CALLBACK, ref.kind());
            assertEquals(List.of("callback.out_of_hours 966500000101"), night.notifications());
            assertEquals(1, RecordedEvents.ofType(redis.client(), "callback.requested").size());
        }
    }

    @Test
    void twoCallersRacingForTheLastPlaceNeverOverbook() throws Exception {
        // fill the first slot of the day but one place
        List<FreeSlot> free = rig.book.freeSlots(MALAZ, Section.MEN, CivilService.ID_RENEWAL, LocalDate.of(2026, 12, 6));
        FreeSlot first = free.get(0);
        SlotKey slot = new SlotKey(MALAZ, Section.MEN, CivilService.ID_RENEWAL, LocalDate.of(2026, 12, 6), first.start());
        for (int i = 0; i < first.free() - 1; i++) {
            String nine = String.format("10%07d", 5000 + i);
            rig.book.book(new BookingRequest(slot, new NationalId(nine + NationalId.luhnCheckDigit(nine)),
                    Optional.empty(), Channel.CONSOLE, "fill-" + i));
        }
        CountDownLatch go = new CountDownLatch(1);
        CompletableFuture<CallRecord> a = CompletableFuture.supplyAsync(() -> race(go, "0500000101", "1000000016#"));
        CompletableFuture<CallRecord> b = CompletableFuture.supplyAsync(() -> race(go, "0500000104", "1000000040#"));
        go.countDown();
        a.get(30, TimeUnit.SECONDS);
        b.get(30, TimeUnit.SECONDS);
        List<Appointment> both = new ArrayList<>(rig.book.of(new NationalId("1000000016")));
        both.addAll(rig.book.of(SAAD));
        assertEquals(2, both.size(), "each caller booked a place");
        assertNotEquals(both.get(0).slot(), both.get(1).slot(), "one of them got the last place, the other the next");
        assertEquals(0, rig.liveHolds());
        assertTrue(rig.book.freeSlots(MALAZ, Section.MEN, CivilService.ID_RENEWAL, LocalDate.of(2026, 12, 6)).stream()
                .noneMatch(f -> f.start().equals(first.start())), "the contested slot is full, not over-full");
    }

    private CallRecord race(CountDownLatch go, String mobile, String id) {
        try {
            go.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // the first free time, confirmed; a caller who lost the race hears "slot taken" and picks the first again
        return rig.call(mobile, ScriptedCaller.script().press("1").press("1").press(id)
                .press(HotlineBookingIT.renewalKey()).press(HotlineBookingIT.riyadhKey()).press("1").press("1")
                .press("1").press("1").press("1").press("1"));
    }
}
