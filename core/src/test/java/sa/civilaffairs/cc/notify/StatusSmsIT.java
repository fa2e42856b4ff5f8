package sa.civilaffairs.cc.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.UnifiedJedis;
import sa.civilaffairs.cc.channel.Channel;
import sa.civilaffairs.cc.config.ConfigDirectory;
import sa.civilaffairs.cc.events.redis.RedisEventLog;
import sa.civilaffairs.cc.feedback.NewTicket;
import sa.civilaffairs.cc.feedback.TicketDesk;
import sa.civilaffairs.cc.feedback.TicketKind;
import sa.civilaffairs.cc.feedback.TicketStatus;
import sa.civilaffairs.cc.feedback.TicketText;
import sa.civilaffairs.cc.feedback.redis.RedisTickets;
import sa.civilaffairs.cc.identity.Mobile;
import sa.civilaffairs.cc.identity.NationalId;
import sa.civilaffairs.cc.lost.LostDesk;
import sa.civilaffairs.cc.lost.LostDocument;
import sa.civilaffairs.cc.lost.NewLostReport;
import sa.civilaffairs.cc.lost.redis.RedisLostReports;
import sa.civilaffairs.cc.office.Region;
import sa.civilaffairs.cc.outbox.Lane;
import sa.civilaffairs.cc.outbox.OutboundSms;
import sa.civilaffairs.cc.outbox.redis.OutboxStreams;
import sa.civilaffairs.cc.outbox.redis.RedisOutbox;
import sa.civilaffairs.cc.reference.Reference;
import sa.civilaffairs.cc.reference.ReferenceKind;
import sa.civilaffairs.cc.reference.redis.RedisReferences;
import sa.civilaffairs.cc.testkit.RedisExtension;
import sa.civilaffairs.cc.testkit.RedisHandle;
import sa.civilaffairs.cc.testkit.SettableClock;
import sa.civilaffairs.cc.text.Language;
import sa.civilaffairs.cc.visit.Eligibility;
import sa.civilaffairs.cc.visit.NewVisitRequest;
import sa.civilaffairs.cc.visit.PlaceType;
import sa.civilaffairs.cc.visit.VisitCategory;
import sa.civilaffairs.cc.visit.VisitDesk;
import sa.civilaffairs.cc.visit.VisitSchedule;
import sa.civilaffairs.cc.visit.VisitStatus;
import sa.civilaffairs.cc.visit.redis.RedisVisitRequests;

/** The desks tell the citizen through the real notifier and outbox: what lands on the outbox streams. */
@ExtendWith(RedisExtension.class)
class StatusSmsIT {
    static final YamlMessageTemplates TEMPLATES = YamlMessageTemplates.load(ConfigDirectory.locate());
    static final Mobile CONTACT = Mobile.parse("0500000104");

    private final SettableClock clock = new SettableClock(Instant.parse("2026-12-01T07:00:00Z"));
    private final AtomicInteger ids = new AtomicInteger();
    private UnifiedJedis redis;
    private StatusSms sms;

    @BeforeEach
    void setUp(RedisHandle handle) {
        redis = handle.client();
        OutboxNotifier notifier = new OutboxNotifier(TEMPLATES, new RedisOutbox(redis), clock,
                () -> "n-" + ids.incrementAndGet());
        sms = new StatusSms(notifier, TEMPLATES);
    }

    @Test
    void theNotifierRendersAndAppendsToTheLaneWithEveryField() {
        OutboxNotifier notifier = new OutboxNotifier(TEMPLATES, new RedisOutbox(redis), clock, () -> "m-1");

        String id = notifier.send(CONTACT, Lane.REPLY, "appointment.cancelled", Language.EN,
                Map.of("ref", "112345674"), "mo-77");

        assertEquals("m-1", id);
        List<OutboundSms> sent = outbox(Lane.REPLY);
        assertEquals(List.of(new OutboundSms("m-1", CONTACT, Lane.REPLY, Language.EN, "appointment.cancelled",
                "Your appointment 112345674 is cancelled.", "mo-77", clock.instant())), sent);
        assertEquals(List.of(), outbox(Lane.NOTIFICATION));
    }

    @Test
    void everyStepOfAVisitTellsTheContactInTheRequestLanguage() {
        VisitDesk desk = new VisitDesk(new RedisVisitRequests(redis, new RedisReferences(redis),
                new RedisEventLog(redis), clock), sms);
        Reference ref = desk.submit(new NewVisitRequest(new NationalId("1000000016"),
                Optional.of(new NationalId("1000000040")), CONTACT, VisitCategory.AGE_85_PLUS, PlaceType.HOME,
                Region.RIYADH, "الرياض", "حي النسيم", Eligibility.ELIGIBLE, Channel.SMS, Language.AR, "sms"),
                "mo-1").reference();
        desk.advance(ref, VisitStatus.CONTACTED, "agent7", "", Optional.empty());
        desk.advance(ref, VisitStatus.SCHEDULED, "agent7", "", Optional.of(new VisitSchedule(
                LocalDate.of(2026, 12, 6), LocalTime.of(9, 0), LocalTime.of(12, 0), "team 2")));
        desk.advance(ref, VisitStatus.VISITED, "team2", "", Optional.empty());
        desk.advance(ref, VisitStatus.CLOSED, "agent7", "", Optional.empty());

        List<OutboundSms> sent = outbox(Lane.NOTIFICATION);
        assertEquals(List.of("visit.submitted.eligible", "visit.contacted", "visit.scheduled", "visit.visited",
                "visit.closed"), sent.stream().map(OutboundSms::templateId).toList());
        assertTrue(sent.stream().allMatch(s -> s.to().equals(CONTACT) && s.language() == Language.AR
                && s.text().contains(ref.value())));
        assertEquals("موعد زيارة تقدير " + ref.value() + ": الأحد 26 جمادى الآخرة 1448 (06-12-2026) من 09:00-12:00.",
                sent.get(2).text());
    }

    @Test
    void aDeclinedVisitGivesTheReasonCutToFitAndAReviewedOneSaysSo() {
        VisitDesk desk = new VisitDesk(new RedisVisitRequests(redis, new RedisReferences(redis),
                new RedisEventLog(redis), clock), sms);
        Reference ref = desk.submit(new NewVisitRequest(new NationalId("1000000073"), Optional.empty(), CONTACT,
                VisitCategory.PATIENT, PlaceType.HOSPITAL, Region.MAKKAH, "جدة", "", Eligibility.TO_REVIEW,
                Channel.CONSOLE, Language.EN, "agent7"), "form-1").reference();
        desk.advance(ref, VisitStatus.DECLINED, "agent7",
                "the hospital already has a civil affairs officer visiting every week on Tuesdays", Optional.empty());

        List<OutboundSms> sent = outbox(Lane.NOTIFICATION);
        assertEquals("visit.submitted.review", sent.get(0).templateId());
        assertEquals("Sorry, visit request " + ref.value() + " was declined: the hospital already has a civil"
                + " affairs officer visiting.... Questions: 920022133", sent.get(1).text());
    }

    @Test
    void ticketsTellTheirContactAndAnonymousOnesNobody() {
        TicketDesk desk = new TicketDesk(new RedisTickets(redis, new RedisReferences(redis),
                new RedisEventLog(redis), clock), sms);
        Reference ref = desk.open(new NewTicket(TicketKind.INQUIRY, Region.QASSIM, new TicketText("ساعات العمل؟"),
                Optional.empty(), Optional.of(CONTACT), Channel.SMS, Language.AR, "sms"), "mo-2").reference();
        desk.advance(ref, TicketStatus.ROUTED, "agent1", "");
        desk.advance(ref, TicketStatus.ANSWERED, "qassim", "Sunday to Thursday");
        Reference anonymous = desk.open(new NewTicket(TicketKind.SUGGESTION, Region.QASSIM,
                new TicketText("more parking"), Optional.empty(), Optional.empty(), Channel.CONSOLE, Language.EN,
                "agent1"), "form-2").reference();
        desk.advance(anonymous, TicketStatus.CLOSED, "agent1", "");

        List<OutboundSms> sent = outbox(Lane.NOTIFICATION);
        assertEquals(List.of("ticket.opened", "ticket.updated", "ticket.answered"),
                sent.stream().map(OutboundSms::templateId).toList());
        assertEquals("ملاحظتك " + ref.value() + ": أحيلت إلى الجهة المختصة.", sent.get(1).text());
    }

    @Test
    void aLostReportOffersTheReplacementAndConfirmsIt() {
        LostDesk desk = new LostDesk(new RedisLostReports(redis, new RedisReferences(redis),
                new RedisEventLog(redis), clock), sms);
        Reference ref = desk.report(new NewLostReport(new NationalId("2000000014"), LostDocument.IQAMA, "", "",
                Optional.of(CONTACT), Channel.IVR, Language.EN, "ivr"), "call-1").reference();
        Reference appointment = Reference.of(ReferenceKind.APPOINTMENT, "7654321");
        desk.linkReplacement(ref, appointment, "ivr");
        desk.close(ref, "agent2", "replaced");

        List<OutboundSms> sent = outbox(Lane.NOTIFICATION);
        assertEquals(List.of("lost.reported", "lost.replacement", "lost.closed"),
                sent.stream().map(OutboundSms::templateId).toList());
        assertTrue(sent.get(0).text().contains("BOOK"), sent.get(0).text());
        assertTrue(sent.get(1).text().contains(appointment.value()), sent.get(1).text());
    }

    private List<OutboundSms> outbox(Lane lane) {
        return redis.xrange(OutboxStreams.key(lane), (StreamEntryID) null, (StreamEntryID) null).stream()
                .map(e -> OutboundSms.fromFields(e.getFields())).toList();
    }
}
