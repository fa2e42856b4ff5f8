package sa.civilaffairs.cc.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import sa.civilaffairs.cc.channel.Channel;
import sa.civilaffairs.cc.feedback.TicketStatus;
import sa.civilaffairs.cc.identity.Mobile;
import sa.civilaffairs.cc.identity.NationalId;
import sa.civilaffairs.cc.lost.LostDocument;
import sa.civilaffairs.cc.lost.LostReport;
import sa.civilaffairs.cc.lost.LostStatus;
import sa.civilaffairs.cc.lost.NewLostReport;
import sa.civilaffairs.cc.office.Region;
import sa.civilaffairs.cc.reference.Reference;
import sa.civilaffairs.cc.reference.ReferenceKind;
import sa.civilaffairs.cc.text.Language;
import sa.civilaffairs.cc.visit.Eligibility;
import sa.civilaffairs.cc.visit.NewVisitRequest;
import sa.civilaffairs.cc.visit.PlaceType;
import sa.civilaffairs.cc.visit.VisitCategory;
import sa.civilaffairs.cc.visit.VisitRequest;
import sa.civilaffairs.cc.visit.VisitSchedule;
import sa.civilaffairs.cc.visit.VisitStatus;

class CaseTransitionsTest {
    static final Instant AT = Instant.parse("2026-12-01T07:00:00Z");
    static final Reference REF = Reference.of(ReferenceKind.VISIT_REQUEST, "1234567");

    @Test
    void theVisitStateMachineAllowsExactlyTheSpecsSteps() {
        assertEquals(EnumSet.of(VisitStatus.CONTACTED, VisitStatus.DECLINED, VisitStatus.CLOSED),
                allowed(VisitStatus.SUBMITTED));
        assertEquals(EnumSet.of(VisitStatus.SCHEDULED, VisitStatus.DECLINED, VisitStatus.CLOSED),
                allowed(VisitStatus.CONTACTED));
        assertEquals(EnumSet.of(VisitStatus.SCHEDULED, VisitStatus.VISITED, VisitStatus.DECLINED,
                VisitStatus.CLOSED), allowed(VisitStatus.SCHEDULED));
        assertEquals(EnumSet.of(VisitStatus.CLOSED), allowed(VisitStatus.VISITED));
        assertEquals(Set.of(), allowed(VisitStatus.CLOSED));
        assertEquals(Set.of(), allowed(VisitStatus.DECLINED));
        assertTrue(VisitStatus.DECLINED.terminal() && !VisitStatus.VISITED.terminal());
    }

    @Test
    void ticketsMoveForwardGoBackOnlyFromAnsweredAndEndClosed() {
        assertFalse(TicketStatus.IN_PROGRESS.canMoveTo(TicketStatus.ROUTED));
        assertTrue(TicketStatus.ANSWERED.canMoveTo(TicketStatus.IN_PROGRESS));
        assertTrue(TicketStatus.OPEN.canMoveTo(TicketStatus.ANSWERED));
        for (TicketStatus to : TicketStatus.values()) {
            assertFalse(TicketStatus.CLOSED.canMoveTo(to));
            assertFalse(to.canMoveTo(TicketStatus.OPEN));
        }
    }

    @Test
    void lostReportsMayRelinkAReplacementButNothingFollowsClosed() {
        assertTrue(LostStatus.REPLACEMENT_BOOKED.canMoveTo(LostStatus.REPLACEMENT_BOOKED));
        assertFalse(LostStatus.CLOSED.canMoveTo(LostStatus.REPLACEMENT_BOOKED));
        LostReport report = LostReport.reported(Reference.of(ReferenceKind.LOST_REPORT, "1234567"),
                new NewLostReport(new NationalId("2000000014"), LostDocument.IQAMA, null, null, Optional.empty(),
                        Channel.SMS, Language.AR, "sms"), AT).closed(AT, "agent", "found it");
        IllegalTransitionException e = assertThrows(IllegalTransitionException.class,
                () -> report.withReplacement(Reference.of(ReferenceKind.APPOINTMENT, "1234567"), AT, "ivr"));
        assertTrue(e.getMessage().contains("CLOSED -> REPLACEMENT_BOOKED refused (the case is finished)"),
                e.getMessage());
    }

    @Test
    void schedulingNeedsAScheduleAndDecliningAReason() {
        VisitRequest contacted = submitted().moveTo(VisitStatus.CONTACTED, AT, "agent", "", Optional.empty());

        IllegalTransitionException noSchedule = assertThrows(IllegalTransitionException.class,
                () -> contacted.moveTo(VisitStatus.SCHEDULED, AT, "agent", "", Optional.empty()));
        assertTrue(noSchedule.getMessage().contains("a schedule"), noSchedule.getMessage());
        assertThrows(IllegalTransitionException.class,
                () -> contacted.moveTo(VisitStatus.DECLINED, AT, "agent", "  ", Optional.empty()));

        VisitSchedule first = new VisitSchedule(LocalDate.of(2026, 12, 6), LocalTime.of(9, 0), LocalTime.of(12, 0),
                "team 1");
        VisitSchedule second = new VisitSchedule(LocalDate.of(2026, 12, 8), LocalTime.of(13, 0), LocalTime.of(15, 0),
                "team 3");
        VisitRequest rescheduled = contacted.moveTo(VisitStatus.SCHEDULED, AT, "agent", "", Optional.of(first))
                .moveTo(VisitStatus.SCHEDULED, AT, "agent", "family asked", Optional.of(second))
                .moveTo(VisitStatus.VISITED, AT, "team 3", "", Optional.of(first));
        assertEquals(Optional.of(second), rescheduled.schedule());
        assertEquals(List.of(VisitStatus.SUBMITTED, VisitStatus.CONTACTED, VisitStatus.SCHEDULED,
                VisitStatus.SCHEDULED, VisitStatus.VISITED), rescheduled.history().stream()
                .map(CaseStep::status).toList());
    }

    @Test
    void valuesSayWhatWasExpected() {
        IllegalArgumentException window = assertThrows(IllegalArgumentException.class, () -> new VisitSchedule(
                LocalDate.of(2026, 12, 6), LocalTime.of(12, 0), LocalTime.of(9, 0), "team"));
        assertTrue(window.getMessage().contains("expected: start before end"), window.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new sa.civilaffairs.cc.feedback.TicketText(" "));
        assertThrows(IllegalArgumentException.class,
                () -> new sa.civilaffairs.cc.feedback.TicketText("x".repeat(1001)));
        assertThrows(IllegalArgumentException.class,
                () -> new sa.civilaffairs.cc.feedback.TicketText("bell\u0007"));
        assertEquals("a\nb", new sa.civilaffairs.cc.feedback.TicketText(" a\r\nb ").value());
        IllegalArgumentException inconsistent = assertThrows(IllegalArgumentException.class,
                () -> CaseStep.requireHistory(VisitStatus.CONTACTED,
                        List.of(new CaseStep<>(VisitStatus.SUBMITTED, AT, "sms", ""))));
        assertTrue(inconsistent.getMessage().contains("expected: the last step's, SUBMITTED"),
                inconsistent.getMessage());
    }

    @Test
    void theRequesterIsDroppedWhenItIsTheBeneficiary() {
        NationalId self = new NationalId("1000000016");
        NewVisitRequest own = new NewVisitRequest(self, Optional.of(self), Mobile.parse("0500000101"),
                VisitCategory.AGE_85_PLUS, PlaceType.HOME, Region.RIYADH, "", "", Eligibility.ELIGIBLE, Channel.IVR,
                Language.AR, "ivr");
        assertEquals(Optional.empty(), own.requester());
    }

    @Test
    void casesPrintNoPersonalDataInLogs() {
        String printed = submitted().toString();
        assertFalse(printed.contains("1000000016") || printed.contains("500000101") || printed.contains("الرياض"),
                printed);
        assertTrue(printed.contains(REF.value()), printed);
        assertEquals("TicketText[5 chars]", new sa.civilaffairs.cc.feedback.TicketText("hello").toString());
    }

    private static VisitRequest submitted() {
        return VisitRequest.submitted(REF, new NewVisitRequest(new NationalId("1000000016"), Optional.empty(),
                Mobile.parse("0500000101"), VisitCategory.AGE_85_PLUS, PlaceType.HOME, Region.RIYADH, "الرياض", "",
                Eligibility.ELIGIBLE, Channel.SMS, Language.AR, "sms"), AT);
    }

    private static Set<VisitStatus> allowed(VisitStatus from) {
        Set<VisitStatus> to = EnumSet.noneOf(VisitStatus.class);
        for (VisitStatus s : VisitStatus.values()) {
            if (from.canMoveTo(s)) {
                to.add(s);
            }
        }
        return to;
    }
}
