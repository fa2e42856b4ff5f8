package sa.civilaffairs.cc.console.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import sa.civilaffairs.cc.identity.NationalId;

class LiveCallModelTest {
    private static final Instant T0 = Instant.parse("2026-11-22T08:00:00Z");
    private static final String Q = "civil-affairs-ar";
    private static final CallFindings FINDINGS = CallFindings.fromChannelVariables(
            Map.of("CC_LANG", "ar", "CC_NID", "1000000008", "CC_INTENT", "book", "CC_TRAIL", "1>2", "CC_REF", ""));

    private final AgentDirectory directory = new AgentDirectory(List.of(
            new AgentBinding("amal", "PJSIP/1001", "Amal"),
            new AgentBinding("badr", "PJSIP/1002", null)), "wrap-up");
    private final LiveCallModel model = new LiveCallModel(directory, ZoneId.of("Asia/Riyadh"), Duration.ofMinutes(15), T0);
    private final List<ScreenPop> pops = new ArrayList<>();
    private final List<LiveChange> changes = new ArrayList<>();

    LiveCallModelTest() {
        model.onScreenPop(pops::add);
        model.onChange(changes::add);
        for (String iface : List.of("PJSIP/1001", "PJSIP/1002")) {
            model.apply(new QueueSignal.MemberChanged(Q, iface, null, 1, false, "", false, 0, T0));
        }
    }

    private static Instant t(int seconds) {
        return T0.plusSeconds(seconds);
    }

    @Test
    void popsOncePerCallAndAgentEvenWhenAgentCalledComesAgain() {
        model.apply(new QueueSignal.CallerJoined(Q, "u1", "L1", "0501234567", FINDINGS, 1, t(1)));
        QueueSignal ring = new QueueSignal.AgentRinging(Q, "u1", "L1", "PJSIP/1001", "Amal", "0501234567", FINDINGS, t(2));
        model.apply(ring);
        model.apply(ring);
        model.apply(new QueueSignal.AgentRinging(Q, "u1", "L1", "PJSIP/9999", "Stranger", "0501234567", FINDINGS, t(3)));
        assertEquals(1, pops.size());
        ScreenPop pop = pops.get(0);
        assertEquals("amal", pop.agent());
        assertEquals("L1", pop.callId());
        assertEquals(NationalId.parse("1000000008"), pop.nationalId());
        assertEquals(AgentState.RINGING, model.snapshot().agent("amal").orElseThrow().state());
        assertEquals(AgentState.READY, model.snapshot().agent("badr").orElseThrow().state());
    }

    @Test
    void memberNameBindsWhenTheInterfaceIsNotListed() {
        model.apply(new QueueSignal.AgentRinging(Q, "u1", "L1", "Local/amal@agents/n", "Amal", "", FINDINGS, t(2)));
        assertEquals("amal", pops.get(0).agent());
    }

    @Test
    void longestWaitAndAbandonsPerQueue() {
        model.apply(new QueueSignal.CallerJoined(Q, "u1", "L1", "0501234567", FINDINGS, 1, t(1)));
        model.apply(new QueueSignal.CallerJoined(Q, "u2", "L2", "0501234568", CallFindings.NONE, 2, t(5)));
        QueueView q = model.snapshot().queue(Q).orElseThrow();
        assertEquals(List.of("L1", "L2"), q.waiting().stream().map(WaitingCall::callId).toList());
        assertEquals(Duration.ofSeconds(9), q.longestWait(t(10)));
        assertTrue(q.waiting().get(0).callerNumberMasked().endsWith("4567")
                && !q.waiting().get(0).callerNumberMasked().contains("0501"));

        model.apply(new QueueSignal.CallerAbandoned(Q, "u1", "L1", t(11)));
        model.apply(new QueueSignal.CallerLeft(Q, "u1", "L1", t(11)));
        LiveSnapshot s = model.snapshot();
        assertEquals(1, s.waitingCount());
        assertEquals(1, s.abandonedToday());
        assertEquals(Duration.ofSeconds(6), s.longestWait(t(11)));
    }

    @Test
    void abandonedTodayStartsAgainAtLocalMidnight() {
        model.apply(new QueueSignal.CallerAbandoned(Q, "u1", "L1", Instant.parse("2026-11-22T20:59:00Z")));
        assertEquals(1, model.snapshot().abandonedToday());
        model.apply(new QueueSignal.CallerJoined(Q, "u2", "L2", "", CallFindings.NONE, 1,
                Instant.parse("2026-11-22T21:00:01Z"))); // 00:00:01 in Riyadh
        assertEquals(0, model.snapshot().abandonedToday());
        assertTrue(changes.stream().anyMatch(c -> c.kind() == LiveChange.Kind.NEW_DAY));
    }

    @Test
    void answeredCallLeavesTheQueueAndTheAgentGoesOnCallThenWrapUp() {
        model.apply(new QueueSignal.MemberChanged(Q, "PJSIP/1001", "Amal", 1, false, "", false, 30, t(0)));
        model.apply(new QueueSignal.CallerJoined(Q, "u1", "L1", "0501234567", FINDINGS, 1, t(1)));
        model.apply(new QueueSignal.AgentRinging(Q, "u1", "L1", "PJSIP/1001", "Amal", "0501234567", FINDINGS, t(2)));
        model.apply(new QueueSignal.CallerLeft(Q, "u1", "L1", t(4)));
        assertEquals(AgentState.RINGING, model.snapshot().agent("amal").orElseThrow().state(),
                "Asterisk sends QueueCallerLeave just before AgentConnect");
        model.apply(new QueueSignal.AgentAnswered(Q, "u1", "L1", "PJSIP/1001", "Amal", t(4)));
        assertEquals(AgentState.ON_CALL, model.snapshot().agent("amal").orElseThrow().state());
        assertEquals("L1", model.snapshot().agent("amal").orElseThrow().callId());
        assertEquals(0, model.snapshot().waitingCount());
        model.apply(new QueueSignal.CallCompleted(Q, "u1", "L1", "PJSIP/1001", "Amal", "caller", t(60)));
        AgentView amal = model.snapshot().agent("amal").orElseThrow();
        assertEquals(AgentState.WRAP_UP, amal.state(), "member wrapuptime 30 s");
        assertEquals(t(90), amal.wrapUpUntil());
    }

    @Test
    void pauseReasonsAndWrapUpByPause() {
        model.apply(new QueueSignal.MemberChanged(Q, "PJSIP/1002", null, 1, true, "lunch", false, 0, t(1)));
        assertEquals(AgentState.PAUSED, model.snapshot().agent("badr").orElseThrow().state());
        assertEquals("lunch", model.snapshot().agent("badr").orElseThrow().pauseReason());
        model.apply(new QueueSignal.MemberChanged(Q, "PJSIP/1002", null, 1, true, "wrap-up", false, 0, t(2)));
        assertEquals(AgentState.WRAP_UP, model.snapshot().agent("badr").orElseThrow().state());
        model.apply(new QueueSignal.MemberChanged(Q, "PJSIP/1002", null, 5, false, "", false, 0, t(3)));
        assertEquals(AgentState.UNAVAILABLE, model.snapshot().agent("badr").orElseThrow().state());
    }

    @Test
    void resyncIsAuthoritativeAndNeverPopsAgain() {
        model.apply(new QueueSignal.CallerJoined(Q, "u1", "L1", "0501234567", FINDINGS, 1, t(1)));
        model.apply(new QueueSignal.AgentRinging(Q, "u1", "L1", "PJSIP/1001", "Amal", "0501234567", FINDINGS, t(2)));
        model.apply(new QueueSignal.CallerJoined(Q, "gone", "L9", "", CallFindings.NONE, 2, t(3)));
        model.apply(new QueueSignal.QueuesResynced(List.of(Q), List.of(
                new QueueSignal.MemberChanged(Q, "PJSIP/1001", "Amal", 2, false, "", false, 0, t(20))),
                List.of(new QueueSignal.WaitingEntry(Q, "u1", "L1", "0501234567", CallFindings.NONE, 19),
                        new QueueSignal.WaitingEntry(Q, "u3", "L3", "0501234569", FINDINGS, 4)), t(20)));
        LiveSnapshot s = model.snapshot();
        assertEquals(List.of("L1", "L3"), s.queue(Q).orElseThrow().waiting().stream().map(WaitingCall::callId).toList());
        assertEquals(0, s.abandonedToday(), "a call that left while the link was down is not an abandon");
        assertEquals(AgentState.LOGGED_OUT, s.agent("badr").orElseThrow().state(), "no longer a member");
        model.apply(new QueueSignal.AgentRinging(Q, "u1", "L1", "PJSIP/1001", "Amal", "0501234567", FINDINGS, t(21)));
        assertEquals(1, pops.size());
    }

    @Test
    void aFailingListenerDoesNotStopTheOthers() {
        model.onScreenPop(p -> {
            throw new IllegalStateException("boom");
        });
        List<ScreenPop> second = new ArrayList<>();
        model.onScreenPop(second::add);
        model.apply(new QueueSignal.AgentRinging(Q, "u1", "L1", "PJSIP/1002", null, "", FINDINGS, t(1)));
        assertEquals(1, second.size());
    }

    @Test
    void bindingsAreValidated() {
        assertThrows(IllegalArgumentException.class, () -> new AgentBinding("amal", "1001", null));
        assertThrows(IllegalArgumentException.class, () -> new AgentDirectory(List.of(
                new AgentBinding("a", "PJSIP/1", null), new AgentBinding("b", "PJSIP/1", null)), "wrap-up"));
        assertEquals(CallFindings.NONE, CallFindings.fromChannelVariables(Map.of("CC_NID", "1234567890", "CC_LANG", " ")));
    }
}
