package sa.civilaffairs.cc.lost.redis;

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
import sa.civilaffairs.cc.cases.UnknownCaseException;
import sa.civilaffairs.cc.channel.Channel;
import sa.civilaffairs.cc.events.redis.RedisEventLog;
import sa.civilaffairs.cc.identity.Mobile;
import sa.civilaffairs.cc.identity.NationalId;
import sa.civilaffairs.cc.lost.LostDocument;
import sa.civilaffairs.cc.lost.LostReport;
import sa.civilaffairs.cc.lost.LostStatus;
import sa.civilaffairs.cc.lost.NewLostReport;
import sa.civilaffairs.cc.reference.Reference;
import sa.civilaffairs.cc.reference.ReferenceKind;
import sa.civilaffairs.cc.reference.redis.RedisReferences;
import sa.civilaffairs.cc.testkit.RedisExtension;
import sa.civilaffairs.cc.testkit.RecordedEvents;
import sa.civilaffairs.cc.testkit.RedisHandle;
import sa.civilaffairs.cc.testkit.SettableClock;
import sa.civilaffairs.cc.text.Language;

@ExtendWith(RedisExtension.class)
class RedisLostReportsIT {
    static final NationalId PERSON = new NationalId("2000000014");
    static final Mobile MOBILE = Mobile.parse("+966 50 000 0105");
    static final Reference APPOINTMENT = Reference.of(ReferenceKind.APPOINTMENT, "7654321");

    private final SettableClock clock = new SettableClock(Instant.parse("2026-12-01T07:00:00Z"));
    private UnifiedJedis redis;
    private RedisLostReports reports;

    @BeforeEach
    void setUp(RedisHandle handle) {
        redis = handle.client();
        reports = new RedisLostReports(redis, new RedisReferences(redis), new RedisEventLog(redis), clock);
    }

    static NewLostReport iqama(Optional<Mobile> contact) {
        return new NewLostReport(PERSON, LostDocument.IQAMA, "سوق البطحاء", "أمس", contact, Channel.IVR,
                Language.AR, "ivr");
    }

    @Test
    void aReportIsFiledOncePerKeyAndFoundEveryWay() {
        LostReport filed = reports.report(iqama(Optional.of(MOBILE)), "call-1");
        LostReport retried = reports.report(iqama(Optional.of(MOBILE)), "call-1");

        assertEquals(filed, retried);
        assertEquals(ReferenceKind.LOST_REPORT, filed.reference().kind());
        assertEquals(Optional.of(filed), reports.find(filed.reference()));
        assertEquals(List.of(filed), reports.of(PERSON));
        assertEquals(List.of(filed), reports.byMobile(MOBILE));
        assertEquals("سوق البطحاء", filed.where());
        assertEquals(1, RecordedEvents.ofType(redis, "lost.reported").size());
    }

    @Test
    void aReplacementIsLinkedThenTheReportClosedAndNothingAfter() {
        Reference ref = reports.report(iqama(Optional.empty()), "k").reference();

        LostReport linked = reports.linkReplacement(ref, APPOINTMENT, "ivr");
        assertEquals(LostStatus.REPLACEMENT_BOOKED, linked.status());
        assertEquals(Optional.of(APPOINTMENT), reports.find(ref).orElseThrow().replacementAppointment());

        LostReport closed = reports.close(ref, "agent2", "replaced");
        assertEquals(LostStatus.CLOSED, closed.status());
        assertEquals(Optional.of(APPOINTMENT), closed.replacementAppointment());
        assertThrows(IllegalTransitionException.class, () -> reports.linkReplacement(ref, APPOINTMENT, "ivr"));
        assertThrows(IllegalTransitionException.class, () -> reports.close(ref, "agent2", ""));
        assertEquals(closed, reports.find(ref).orElseThrow());
        assertEquals(2, RecordedEvents.ofType(redis, "lost.status").size());
    }

    @Test
    void scriptsTheServerForgotAreSentAgain() {
        reports.report(iqama(Optional.empty()), "before");
        redis.scriptFlush(); // as after a restart or a failover

        LostReport after = reports.report(iqama(Optional.of(MOBILE)), "after");
        assertEquals(List.of(after), reports.byMobile(MOBILE)); // read script, pipelined
        redis.scriptFlush();
        assertEquals(Optional.of(after), reports.find(after.reference())); // read script, alone
    }

    @Test
    void anUnknownReportIsRefused() {
        Reference nowhere = Reference.of(ReferenceKind.LOST_REPORT, "0000001");
        assertThrows(UnknownCaseException.class, () -> reports.close(nowhere, "agent2", ""));
        assertEquals(List.of(), reports.of(PERSON));
    }
}
