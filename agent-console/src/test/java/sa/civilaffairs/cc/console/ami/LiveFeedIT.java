package sa.civilaffairs.cc.console.ami;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import sa.civilaffairs.cc.console.amidouble.AmiDouble;
import sa.civilaffairs.cc.console.amidouble.AmiFrame;
import sa.civilaffairs.cc.console.amidouble.Replay;
import sa.civilaffairs.cc.console.amidouble.Scenario;
import sa.civilaffairs.cc.console.live.AgentDirectory;
import sa.civilaffairs.cc.console.live.AgentState;
import sa.civilaffairs.cc.console.live.AgentView;
import sa.civilaffairs.cc.console.live.AmiHealth;
import sa.civilaffairs.cc.console.live.ControlOutcome;
import sa.civilaffairs.cc.console.live.LiveSnapshot;
import sa.civilaffairs.cc.console.live.ScreenPop;
import sa.civilaffairs.cc.console.live.WaitingCall;
import sa.civilaffairs.cc.identity.NationalId;
import sa.civilaffairs.cc.text.Language;

/**
 * The real Asterisk-Java client against the AMI double over TCP, one test per capture and per failure of issue 7.
 */
class LiveFeedIT {
    private static final String QUEUE = "civil-affairs-ar";
    /** The call of ami-queue-answered.log (Linkedid of the caller's channel). */
    private static final String ANSWERED_CALL = "1795391284.0";

    private AmiDouble pbx;
    private LiveFeed feed;
    private final List<ScreenPop> pops = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() {
        pbx = AmiDouble.builder().authFailureDelay(Duration.ofMillis(200)).start();
    }

    @AfterEach
    void stop() {
        if (feed != null) {
            feed.close();
        }
        pbx.close();
    }

    private AmiSettings settings(String user, String secret) {
        return AmiSettings.of(pbx.host(), pbx.port(), user, secret)
                .withBackoff(Duration.ofMillis(100), Duration.ofMillis(400))
                .withResponseTimeout(Duration.ofSeconds(2));
    }

    private static AgentDirectory agents() {
        return LiveConfigFiles.agents(Path.of("../config/agents.yaml"));
    }

    private void connect(AmiSettings settings) {
        feed = LiveFeed.start(settings, agents(), Clock.systemUTC(), ZoneId.of("Asia/Riyadh"));
        feed.view().onScreenPop(pops::add);
        Await.until("AMI CONNECTED and resynced", () -> feed.health() == AmiHealth.CONNECTED
                && feed.view().snapshot().agent("agent1").map(a -> a.state() == AgentState.READY).orElse(false));
    }

    private void connect() {
        connect(settings("ivrtest", "ivrtest"));
    }

    private AgentView agent(String name) {
        return feed.view().snapshot().agent(name).orElseThrow();
    }

    private void awaitAgent(String name, AgentState state) {
        Await.until(name + " " + state, () -> agent(name).state() == state);
    }

    @Test
    void answeredCapturePopsTheRingingAgentWithTheIvrFindingsAndNobodyElse() {
        connect();
        Replay replay = pbx.replay(Scenario.QUEUE_ANSWERED);

        replay.playThrough("QueueCallerJoin");
        Await.until("the caller waiting", () -> feed.view().snapshot().waitingCount() == 1);
        WaitingCall waiting = feed.view().snapshot().queue(QUEUE).orElseThrow().waiting().get(0);
        assertEquals(ANSWERED_CALL, waiting.callId());
        assertEquals(Language.AR, waiting.language());
        assertEquals("book", waiting.intent());

        replay.playThrough("AgentCalled");
        Await.until("a pop", () -> pops.size() == 1);
        ScreenPop pop = pops.get(0);
        assertEquals("agent3", pop.agent());
        assertEquals(ANSWERED_CALL, pop.callId());
        assertEquals("0501234567", pop.callerNumber());
        assertEquals(Language.AR, pop.language());
        assertEquals(NationalId.parse("1000000008"), pop.nationalId());
        assertEquals("book", pop.intent());
        assertEquals("1>1>3", pop.trail());
        assertNull(pop.reference(), "CC_REF is empty in the capture");
        assertEquals(QUEUE, pop.queue());
        assertFalse(pop.toString().contains("1000000008"), "a pop's toString masks the national ID");
        assertFalse(pop.toString().contains("0501234567"), "a pop's toString masks the caller number");
        awaitAgent("agent3", AgentState.RINGING);
        assertEquals(AgentState.READY, agent("agent1").state());
        assertEquals(AgentState.READY, agent("agent2").state());
        assertEquals(ANSWERED_CALL, agent("agent3").callId());
    }

    @Test
    void ringNoAnswerThenTheNextAgentGetsThePopAndTheCallEndsCleanly() {
        connect();
        Replay replay = pbx.replay(Scenario.QUEUE_ANSWERED);
        replay.playThrough("AgentRingNoAnswer");
        awaitAgent("agent3", AgentState.READY);

        replay.playThrough("AgentCalled");
        Await.until("second pop", () -> pops.size() == 2);
        assertEquals("agent1", pops.get(1).agent());
        assertEquals(ANSWERED_CALL, pops.get(1).callId());
        assertEquals(NationalId.parse("1000000008"), pops.get(1).nationalId());

        replay.playThrough("AgentConnect");
        awaitAgent("agent1", AgentState.ON_CALL);
        assertEquals(0, feed.view().snapshot().waitingCount(), "an answered call no longer waits");

        replay.playRest();
        awaitAgent("agent1", AgentState.READY);
        assertEquals(2, pops.size(), "one pop per agent rung, none for agent2");
        assertEquals(0, feed.view().snapshot().abandonedToday());
    }

    @Test
    void callerHangingUpMidConversationEndsTheCall() {
        connect();
        Replay replay = pbx.replay(Scenario.QUEUE_ANSWERED_CALLER_HANGUP);
        replay.playThrough("AgentConnect");
        awaitAgent("agent1", AgentState.ON_CALL);
        String callId = agent("agent1").callId();
        assertTrue(pops.stream().anyMatch(p -> p.agent().equals("agent1") && p.callId().equals(callId)));

        replay.playRest();
        awaitAgent("agent1", AgentState.READY);
        assertNull(agent("agent1").callId());
        assertEquals(0, feed.view().snapshot().waitingCount());
        assertEquals(2, pops.size());
    }

    @Test
    void abandonClearsTheWaitingCallAndCountsIt() {
        connect();
        Replay replay = pbx.replay(Scenario.QUEUE_ABANDONED);
        replay.playThrough("QueueCallerJoin");
        Await.until("caller waiting, all agents paused", () -> feed.view().snapshot().waitingCount() == 1
                && feed.view().snapshot().agentsByState().get(AgentState.PAUSED) == 3);
        assertEquals("abandon-test", agent("agent1").pauseReason());

        replay.playThrough("QueueCallerAbandon");
        Await.until("abandon counted", () -> feed.view().snapshot().abandonedToday() == 1);
        LiveSnapshot s = feed.view().snapshot();
        assertEquals(0, s.waitingCount());
        assertEquals(1, s.queue(QUEUE).orElseThrow().abandonedToday());

        replay.playRest();
        Await.until("agents unpaused", () -> feed.view().snapshot().agentsByState().get(AgentState.READY) == 3);
        assertTrue(pops.isEmpty(), "nobody was rung, nobody pops");
        assertEquals(1, feed.view().snapshot().abandonedToday());
    }

    @Test
    void ivrOnlyCallsRaiseNothing() {
        connect();
        long before = feed.view().snapshot().version();
        pbx.replay(Scenario.IVR_CALL).playRest();
        pbx.replay(Scenario.IVR_CALL_HANGUP).playRest();
        // a marker event after them: once it is seen, the IVR events have been through the client
        pbx.replay(Scenario.QUEUE_ANSWERED).playThrough("QueueCallerJoin");
        Await.until("marker", () -> feed.view().snapshot().waitingCount() == 1);
        assertTrue(pops.isEmpty());
        assertEquals(before + 1, feed.view().snapshot().version(), "only the marker changed the view");
    }

    @Test
    void askedAsteriskToFilterSoOnlyTheNineEventsTravel() {
        connect();
        assertEquals(1, pbx.actionCount("Filter"));
        long before = pbx.eventsWritten();
        List<AmiFrame> played = pbx.replay(Scenario.QUEUE_ANSWERED).playRest();
        long wanted = played.stream().filter(f -> AmiClient.USED_EVENTS.contains(f.event())).count();
        assertEquals(wanted, pbx.eventsWritten() - before,
                "of " + played.size() + " events only the used ones are written to the console's socket");
        assertTrue(wanted < played.size() / 10);
    }

    @Test
    void disconnectAndReconnectRebuildsStateWithoutDuplicatedPops() {
        connect();
        Replay replay = pbx.replay(Scenario.QUEUE_ANSWERED);
        replay.playThrough("AgentCalled");
        Await.until("first pop", () -> pops.size() == 1);

        pbx.dropConnections();
        Await.until("reconnected", () -> feed.client().logins() == 2 && feed.health() == AmiHealth.CONNECTED);
        Await.until("resynced: the caller still waits", () -> feed.view().snapshot().waitingCount() == 1);
        WaitingCall waiting = feed.view().snapshot().queue(QUEUE).orElseThrow().waiting().get(0);
        assertEquals(ANSWERED_CALL, waiting.callId());
        assertEquals(Language.AR, waiting.language());

        replay.rewind(1); // Asterisk-style at-least-once: the AgentCalled seen before the drop comes again
        replay.playRest();
        Await.until("call over", () -> agent("agent1").state() == AgentState.READY && pops.size() >= 2);
        assertEquals(List.of("agent3", "agent1"), pops.stream().map(ScreenPop::agent).toList(),
                "exactly one pop per agent for the call, across the reconnect");
    }

    @Test
    void callThatJoinedWhileDisconnectedAppearsAfterReconnectWithItsFindings() {
        connect();
        pbx.dropConnections();
        pbx.replay(Scenario.QUEUE_ABANDONED).playThrough("QueueCallerJoin"); // nobody is connected to see it
        Await.until("reconnected with the waiting caller", () -> feed.client().logins() == 2
                && feed.view().snapshot().waitingCount() == 1);
        WaitingCall w = feed.view().snapshot().queue(QUEUE).orElseThrow().waiting().get(0);
        assertEquals("1795391315.6", w.callId(), "Linkedid learnt from CoreShowChannels");
        assertEquals("book", w.intent(), "CC_INTENT learnt from CoreShowChannels");
        assertEquals(3, feed.view().snapshot().agentsByState().get(AgentState.PAUSED));
    }

    @Test
    void failedLoginIsReportedAsAuthFailedWithoutAReconnectStorm() {
        feed = LiveFeed.start(settings("ivrtest", "wrong-secret").withAuthFailureRetry(Duration.ofHours(1)), agents());
        Await.until("AUTH_FAILED", () -> feed.health() == AmiHealth.AUTH_FAILED);
        Await.until("supervisors see it", () -> feed.view().snapshot().ami() == AmiHealth.AUTH_FAILED);
        assertEquals(1, pbx.failedLogins());
        Await.until("Asterisk-Java's reader gone", () -> readers() == 0 && reconnectThreads() == 0);
        // retries follow authFailureRetry (1 h here), not the connect backoff: still one attempt
        assertEquals(1, pbx.loginAttempts());
        assertEquals(0, feed.client().logins());
    }

    @Test
    void unknownUserIsAuthFailedToo() {
        feed = LiveFeed.start(settings("nosuchuser", "x").withAuthFailureRetry(Duration.ofHours(1)), agents());
        Await.until("AUTH_FAILED", () -> feed.health() == AmiHealth.AUTH_FAILED);
        assertEquals(1, pbx.failedLogins());
    }

    @Test
    void idleLinkIsPingedAndADeadOneIsReplaced() {
        connect(settings("ivrtest", "ivrtest").withPingInterval(Duration.ofMillis(150))
                .withResponseTimeout(Duration.ofMillis(500)));
        Await.until("pings answered on the idle link", () -> pbx.actionCount("Ping") >= 3);
        assertEquals(AmiHealth.CONNECTED, feed.health());
        assertEquals(1, feed.client().logins());

        pbx.ignoreActions(true); // TCP stays up, Asterisk answers nothing: only a Ping can tell
        Await.until("dead link noticed", () -> feed.health() != AmiHealth.CONNECTED);
        pbx.ignoreActions(false);
        Await.until("a new link", () -> feed.health() == AmiHealth.CONNECTED && feed.client().logins() >= 2);
    }

    @Test
    void pauseWrapUpAndReadyGoThroughAsteriskAndComeBackAsStates() throws Exception {
        connect();
        ControlOutcome paused = feed.control().pause("agent1", "lunch").toCompletableFuture().get(5, TimeUnit.SECONDS);
        assertEquals(ControlOutcome.done("Interface paused successfully"), paused);
        awaitAgent("agent1", AgentState.PAUSED);
        assertEquals("lunch", agent("agent1").pauseReason());

        assertTrue(feed.control().wrapUp("agent1").toCompletableFuture().get(5, TimeUnit.SECONDS).done());
        awaitAgent("agent1", AgentState.WRAP_UP);

        ControlOutcome ready = feed.control().ready("agent1").toCompletableFuture().get(5, TimeUnit.SECONDS);
        assertEquals(ControlOutcome.done("Interface unpaused successfully"), ready);
        awaitAgent("agent1", AgentState.READY);
        assertNull(agent("agent1").pauseReason());
    }

    @Test
    void pauseErrorsAreAsterisksAnswers() throws Exception {
        AgentDirectory directory = new AgentDirectory(List.of(
                new sa.civilaffairs.cc.console.live.AgentBinding("ghost", "Local/nobody@agents/n", null)), "wrap-up");
        feed = LiveFeed.start(settings("ivrtest", "ivrtest"), directory);
        Await.until("connected", () -> feed.health() == AmiHealth.CONNECTED);
        ControlOutcome notFound = feed.control().pause("ghost", "lunch").toCompletableFuture().get(5, TimeUnit.SECONDS);
        assertEquals(ControlOutcome.refused("Interface not found"), notFound);
        assertFalse(feed.control().pause("nobody-at-all", "lunch").toCompletableFuture().get().done());
        assertFalse(feed.control().pause("ghost", " ").toCompletableFuture().get().done());
        assertEquals(AgentState.LOGGED_OUT, feed.view().snapshot().agent("ghost").orElseThrow().state());
    }

    @Test
    void aSlowSubscriberNeverDelaysAsterisksAnswers() throws Exception {
        connect();
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch stuck = new CountDownLatch(1);
        feed.view().onScreenPop(p -> {
            stuck.countDown();
            try {
                release.await(20, TimeUnit.SECONDS); // a consumer stuck far longer than any AMI timeout
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        pbx.replay(Scenario.QUEUE_ANSWERED).playRest();
        assertTrue(stuck.await(5, TimeUnit.SECONDS));
        try {
            ControlOutcome answer = feed.control().pause("agent2", "coffee").toCompletableFuture()
                    .get(3, TimeUnit.SECONDS);
            assertTrue(answer.done(), "Asterisk's answer arrives while the model's thread is stuck: " + answer);
            assertEquals(AmiHealth.CONNECTED, feed.health());
            assertTrue(feed.client().backlog() > 0, "events wait in the queue, not in Asterisk-Java's reader");
        } finally {
            release.countDown();
        }
        Await.until("backlog drained", () -> agent("agent2").state() == AgentState.PAUSED);
        assertEquals(0, feed.client().droppedEvents());
    }

    /**
     * Asterisk-Java 3.42's AsyncEventPump.stop() can let a closed link's pump thread wait one more minute in an idle
     * poll (it consumes the poison before {@code stop} is set); such a thread holds nothing and ends by itself. What
     * must never grow: reader threads, Asterisk-Java's reconnect threads (#199), our own threads.
     */
    @Test
    void reconnectsLeakNoThreads() {
        connect();
        for (int i = 2; i <= 8; i++) {
            pbx.dropConnections();
            int expected = i;
            Await.until("reconnect " + i, () -> feed.client().logins() == expected && feed.health() == AmiHealth.CONNECTED);
        }
        Await.until("one reader, no reconnect thread", () -> readers() == 1 && threads("Asterisk-Java") > 0
                && reconnectThreads() == 0, LiveFeedIT::threadNames);
        Await.until("pumps of closed links only idle", () -> busyOrphanPumps().isEmpty(), () -> busyOrphanPumps().toString());
        assertEquals(1, threads("ami-connector"));
        assertEquals(1, threads("ami-events"));
        feed.close();
        Await.until("all AMI threads gone", () -> readers() + reconnectThreads() + threads("ami-connector")
                + threads("ami-events") == 0, LiveFeedIT::threadNames);
        Await.until("pumps of closed links only idle", () -> busyOrphanPumps().isEmpty(), () -> busyOrphanPumps().toString());
        assertEquals(AmiHealth.CLOSED, feed.health());
    }

    @Test
    void settingsComeFromTheConfigFileAndTheEnvironment() {
        AmiSettings fromFile = LiveConfigFiles.ami(Path.of("../config/console.yaml"),
                Map.of("CC_AMI_PORT", Integer.toString(pbx.port()), "CC_AMI_USER", "ivrtest", "CC_AMI_SECRET", "ivrtest"));
        assertEquals(Duration.ofSeconds(20), fromFile.pingInterval());
        assertFalse(fromFile.toString().contains("ivrtest@") && fromFile.toString().contains("secret=ivrtest"));
        connect(fromFile.withBackoff(Duration.ofMillis(100), Duration.ofMillis(400)));
        assertEquals(AmiHealth.CONNECTED, feed.health());
    }

    private static String threadNames() {
        StringBuilder out = new StringBuilder();
        Thread.getAllStackTraces().forEach((t, stack) -> {
            if (t.getName().startsWith("Asterisk-Java") || t.getName().startsWith("ami-")) {
                out.append(t.getName()).append(' ').append(t.getState());
                for (int i = 0; i < Math.min(12, stack.length); i++) {
                    out.append("\n    at ").append(stack[i]);
                }
                out.append('\n');
            }
        });
        return out.toString();
    }

    private static int readers() {
        return (int) Thread.getAllStackTraces().keySet().stream().map(Thread::getName)
                .filter(n -> n.startsWith("Asterisk-Java") && n.contains("-Reader-") && !n.contains("AsyncEventPump"))
                .count();
    }

    private static int reconnectThreads() {
        return (int) Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("Asterisk-Java") && t.getName().contains("-Reconnect-")).count();
    }

    /** Pump threads whose reader is gone and that are doing something other than their final idle poll. */
    private static List<String> busyOrphanPumps() {
        Map<Thread, StackTraceElement[]> all = Thread.getAllStackTraces();
        java.util.Set<String> names = new java.util.HashSet<>();
        all.keySet().forEach(t -> names.add(t.getName()));
        return all.entrySet().stream()
                .filter(e -> e.getKey().getName().endsWith(":AsyncEventPump"))
                .filter(e -> !names.contains(e.getKey().getName().replace(":AsyncEventPump", "")))
                .filter(e -> !(e.getKey().getState() == Thread.State.TIMED_WAITING && e.getValue().length > 0
                        && java.util.Arrays.stream(e.getValue()).anyMatch(f -> f.getMethodName().equals("poll"))))
                .map(e -> e.getKey().getName() + " " + e.getKey().getState())
                .toList();
    }

    private static int threads(String prefix) {
        return (int) Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().startsWith(prefix)).count();
    }
}
