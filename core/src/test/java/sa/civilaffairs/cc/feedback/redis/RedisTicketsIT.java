package sa.civilaffairs.cc.feedback.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import redis.clients.jedis.UnifiedJedis;
import sa.civilaffairs.cc.cases.IllegalTransitionException;
import sa.civilaffairs.cc.channel.Channel;
import sa.civilaffairs.cc.events.redis.RedisEventLog;
import sa.civilaffairs.cc.feedback.NewTicket;
import sa.civilaffairs.cc.feedback.Ticket;
import sa.civilaffairs.cc.feedback.TicketKind;
import sa.civilaffairs.cc.feedback.TicketStatus;
import sa.civilaffairs.cc.feedback.TicketText;
import sa.civilaffairs.cc.identity.Mobile;
import sa.civilaffairs.cc.identity.NationalId;
import sa.civilaffairs.cc.office.Region;
import sa.civilaffairs.cc.reference.Reference;
import sa.civilaffairs.cc.reference.ReferenceKind;
import sa.civilaffairs.cc.reference.redis.RedisReferences;
import sa.civilaffairs.cc.testkit.RedisExtension;
import sa.civilaffairs.cc.testkit.RecordedEvents;
import sa.civilaffairs.cc.testkit.RedisHandle;
import sa.civilaffairs.cc.testkit.SettableClock;
import sa.civilaffairs.cc.text.Language;

@ExtendWith(RedisExtension.class)
class RedisTicketsIT {
    static final NationalId PERSON = new NationalId("1000000073");
    static final Mobile MOBILE = Mobile.parse("0500000108");

    private final SettableClock clock = new SettableClock(Instant.parse("2026-12-01T07:00:00Z"));
    private UnifiedJedis redis;
    private RedisTickets tickets;

    @BeforeEach
    void setUp(RedisHandle handle) {
        redis = handle.client();
        tickets = new RedisTickets(redis, new RedisReferences(redis), new RedisEventLog(redis), clock);
    }

    static NewTicket complaint(Region region, Optional<NationalId> person, Optional<Mobile> contact) {
        return new NewTicket(TicketKind.COMPLAINT, region, new TicketText("انتظرت ساعتين في مكتب النسيم"), person,
                contact, Channel.SMS, Language.AR, "sms");
    }

    @Test
    void anOpenedTicketIsFoundByReferencePersonAndMobileOnce() {
        Ticket opened = tickets.open(complaint(Region.RIYADH, Optional.of(PERSON), Optional.of(MOBILE)), "mo-1");
        Ticket again = tickets.open(complaint(Region.RIYADH, Optional.of(PERSON), Optional.of(MOBILE)), "mo-1");

        assertEquals(opened, again);
        assertEquals(ReferenceKind.TICKET, opened.reference().kind());
        assertEquals(TicketStatus.OPEN, opened.status());
        assertEquals(Optional.of(opened), tickets.find(opened.reference()));
        assertEquals(List.of(opened), tickets.of(PERSON));
        assertEquals(List.of(opened), tickets.byMobile(MOBILE));
        assertEquals(1, RecordedEvents.ofType(redis, "ticket.opened").size());
        assertEquals("انتظرت ساعتين في مكتب النسيم", tickets.find(opened.reference()).orElseThrow().text().value());
    }

    @Test
    void anAnonymousSuggestionIsFiledUnderItsRegionOnly() {
        Ticket anonymous = tickets.open(new NewTicket(TicketKind.SUGGESTION, Region.TABUK,
                new TicketText("suggest evening hours"), Optional.empty(), Optional.empty(), Channel.CONSOLE,
                Language.EN, "agent3"), "form-1");

        assertEquals(List.of(anonymous), tickets.queue(Optional.of(Region.TABUK), Optional.empty(), 10));
        assertEquals(List.of(), tickets.queue(Optional.of(Region.RIYADH), Optional.empty(), 10));
    }

    @Test
    void routingAnsweringClosingAndWhatIsRefused() {
        Reference ref = tickets.open(complaint(Region.RIYADH, Optional.of(PERSON), Optional.of(MOBILE)), "k")
                .reference();
        tickets.advance(ref, TicketStatus.ROUTED, "agent3", "to Riyadh administration");
        tickets.advance(ref, TicketStatus.ANSWERED, "riyadh-admin", "apology, more counters on Sundays");
        assertEquals(1, tickets.queue(Optional.empty(), Optional.of(TicketStatus.ANSWERED), 10).size());
        Ticket closed = tickets.advance(ref, TicketStatus.CLOSED, "agent3", "");

        assertThrows(IllegalTransitionException.class, () -> tickets.advance(ref, TicketStatus.ROUTED, "a", ""));
        assertEquals(closed, tickets.find(ref).orElseThrow());
        assertEquals(4, closed.history().size());
        assertEquals(List.of(), tickets.queue(Optional.empty(), Optional.empty(), 10));
        assertEquals(3, RecordedEvents.ofType(redis, "ticket.status").size());
    }

    @Test
    void aSkippedBackwardStepIsRefusedAndWritesNothing() {
        Reference ref = tickets.open(complaint(Region.RIYADH, Optional.empty(), Optional.empty()), "k").reference();
        tickets.advance(ref, TicketStatus.IN_PROGRESS, "agent3", "");

        assertThrows(IllegalTransitionException.class, () -> tickets.advance(ref, TicketStatus.ROUTED, "a", ""));
        assertEquals(TicketStatus.IN_PROGRESS, tickets.find(ref).orElseThrow().status());
        assertEquals(2, tickets.find(ref).orElseThrow().history().size());
    }

    @Test
    void theQueueIsOldestFirstAcrossRegions() {
        clock.set(Instant.parse("2026-12-01T09:00:00Z"));
        Ticket later = tickets.open(complaint(Region.RIYADH, Optional.empty(), Optional.empty()), "a");
        clock.set(Instant.parse("2026-12-01T08:00:00Z"));
        Ticket earlier = tickets.open(complaint(Region.JAZAN, Optional.empty(), Optional.empty()), "b");

        assertEquals(List.of(earlier, later), tickets.queue(Optional.empty(), Optional.of(TicketStatus.OPEN), 10));
    }
}
