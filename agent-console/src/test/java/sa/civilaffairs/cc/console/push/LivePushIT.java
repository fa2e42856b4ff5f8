package sa.civilaffairs.cc.console.push;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.resps.StreamEntry;
import sa.civilaffairs.cc.chat.ChatInbox;
import sa.civilaffairs.cc.chat.ChatMessage;
import sa.civilaffairs.cc.chat.redis.RedisChatInbox;
import sa.civilaffairs.cc.console.ami.AmiSettings;
import sa.civilaffairs.cc.console.audit.redis.RedisAuditLog;
import sa.civilaffairs.cc.console.ami.LiveConfigFiles;
import sa.civilaffairs.cc.console.ami.LiveFeed;
import sa.civilaffairs.cc.console.amidouble.AmiDouble;
import sa.civilaffairs.cc.console.amidouble.Replay;
import sa.civilaffairs.cc.console.amidouble.Scenario;
import sa.civilaffairs.cc.console.live.AgentState;
import sa.civilaffairs.cc.console.live.AmiHealth;
import sa.civilaffairs.cc.console.support.ConsoleClient;
import sa.civilaffairs.cc.console.support.ConsoleHarness;
import sa.civilaffairs.cc.console.support.People;
import sa.civilaffairs.cc.console.support.SseClient;
import sa.civilaffairs.cc.identity.Mobile;
import sa.civilaffairs.cc.outbox.Lane;
import sa.civilaffairs.cc.outbox.OutboundSms;
import sa.civilaffairs.cc.outbox.redis.OutboxStreams;
import sa.civilaffairs.cc.testkit.RedisExtension;
import sa.civilaffairs.cc.testkit.RedisHandle;
import sa.civilaffairs.cc.text.Language;

/**
 * The console made live, over real TCP end to end: the AMI double replays the Asterisk 22 captures to the console's
 * AMI client; pops travel through Redis to the server-sent event stream of the agent's browser (a plain HTTP client
 * here), on whichever console instance it is connected to.
 */
@ExtendWith({VertxExtension.class, RedisExtension.class})
class LivePushIT {
    private static final String ANSWERED_CALL = "1795391284.0";
    private static final Duration WAIT = Duration.ofSeconds(10);

    private AmiDouble pbx;
    private RedisHandle redis;
    private Vertx vertx;
    private final List<AutoCloseable> open = new ArrayList<>();

    @BeforeEach
    void start(Vertx vertx, RedisHandle redis) {
        this.vertx = vertx;
        this.redis = redis;
        pbx = AmiDouble.builder().authFailureDelay(Duration.ofMillis(200)).start();
    }

    @AfterEach
    void stop() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
        pbx.close();
    }

    private <T extends AutoCloseable> T keep(T t) {
        open.add(t);
        return t;
    }

    private LiveFeed feed(String secret) {
        AmiSettings settings = AmiSettings.of(pbx.host(), pbx.port(), "ivrtest", secret)
                .withBackoff(Duration.ofMillis(100), Duration.ofMillis(400))
                .withResponseTimeout(Duration.ofSeconds(2)).withAuthFailureRetry(Duration.ofHours(1));
        return keep(LiveFeed.start(settings, LiveConfigFiles.agents(Path.of("../config/agents.yaml")),
                Clock.systemUTC(), ZoneId.of("Asia/Riyadh")));
    }

    private LiveFeed connectedFeed() {
        LiveFeed feed = feed("ivrtest");
        until("AMI connected and resynced", () -> feed.health() == AmiHealth.CONNECTED && feed.view().snapshot()
                .agent("agent1").map(a -> a.state() == AgentState.READY).orElse(false));
        return feed;
    }

    private ConsoleHarness console(LiveFeed feed) {
        return keep(ConsoleHarness.start(vertx, redis, ConsoleHarness.testEnv(), server -> server.live(feed)));
    }

    private SseClient stream(ConsoleClient signedIn) {
        SseClient sse = keep(SseClient.open(signedIn));
        assertEquals(200, sse.status());
        sse.await("hello", j -> true);
        return sse;
    }

    @Test
    void thePopReachesTheRungAgentWithTheIvrFindingsAndNoOtherAgent() {
        ConsoleHarness console = console(connectedFeed());
        SseClient agent1 = stream(console.signedIn("agent1"));
        SseClient agent2 = stream(console.signedIn("agent2"));
        SseClient supervisor = stream(console.signedIn("supervisor1"));

        pbx.replay(Scenario.QUEUE_ANSWERED).playThrough("AgentConnect"); // rings agent3 (no answer), then agent1
        JsonObject pop = agent1.await("pop", p -> p.getString("callId").equals(ANSWERED_CALL)).json();
        assertEquals("agent1", pop.getString("agent"));
        assertEquals("0501234567", pop.getString("callerNumber"));
        assertEquals("ar", pop.getString("language"));
        assertEquals(People.ELDER, pop.getString("nationalId"));
        assertEquals("book", pop.getString("intent"));
        assertEquals("1>1>3", pop.getString("trail"));
        assertEquals("civil-affairs-ar", pop.getString("queue"));
        assertEquals("/appointments?nid=" + People.ELDER + "&service=3&intent=book&trail=1%3E1%3E3&callerLanguage=ar&call="
                + ANSWERED_CALL, pop.getString("bookingUrl"));
        agent1.await("agent", a -> a.getString("state").equals("ON_CALL"));
        supervisor.await("snapshot", s -> agentState(s, "agent1").equals("ON_CALL"));

        assertTrue(agent2.events("pop").isEmpty(), "agent2 was never rung");
        assertTrue(supervisor.events("pop").isEmpty(), "pops go to agents only");
        assertEquals(1, agent1.events("pop").size());
    }

    @Test
    void aPopReachesTheAgentOnAnotherConsoleInstanceExactlyOnce() {
        // two instances, each with its own AMI link to the same Asterisk: both see the call, one pop reaches agent1
        ConsoleHarness first = console(connectedFeed());
        ConsoleHarness second = console(connectedFeed());
        ConsoleClient agent1 = first.signedIn("agent1");
        SseClient onSecond = stream(second.client().sameSessionAs(agent1));

        pbx.replay(Scenario.QUEUE_ANSWERED).playRest();
        onSecond.await("pop", p -> p.getString("callId").equals(ANSWERED_CALL));
        onSecond.await("agent", a -> a.getString("state").equals("READY") && !a.containsKey("callId"));
        assertEquals(1, onSecond.events("pop").size(), "published once whatever the number of instances");
    }

    @Test
    void anAmiDisconnectAndReconnectNeverDuplicatesAPop() {
        LiveFeed feed = connectedFeed();
        ConsoleHarness console = console(feed);
        SseClient agent1 = stream(console.signedIn("agent1"));
        Replay replay = pbx.replay(Scenario.QUEUE_ANSWERED);
        replay.playThrough("AgentRingNoAnswer");
        replay.playThrough("AgentCalled");
        agent1.await("pop", p -> p.getString("callId").equals(ANSWERED_CALL));

        pbx.dropConnections();
        until("reconnected", () -> feed.client().logins() == 2 && feed.health() == AmiHealth.CONNECTED);
        replay.rewind(1); // the AgentCalled comes again, as Asterisk may resend after a reconnect
        replay.playRest();
        agent1.await("agent", a -> a.getString("state").equals("READY") && !a.containsKey("callId"));
        assertEquals(1, agent1.events("pop").size());
    }

    @Test
    void aBrowserThatReconnectsGetsThePopItMissedOnce() {
        ConsoleHarness console = console(connectedFeed());
        ConsoleClient agent1 = console.signedIn("agent1");
        SseClient before = stream(agent1);
        before.await("agent", a -> a.getString("state").equals("READY"));
        String lastId = null;
        before.close();

        Replay replay = pbx.replay(Scenario.QUEUE_ANSWERED);
        replay.playThrough("AgentRingNoAnswer");
        replay.playThrough("AgentCalled"); // agent1 is rung while its browser is away

        SseClient after = keep(SseClient.open(agent1.port(), agent1.sessionCookie(), "0-1"));
        String id = after.await("pop", p -> p.getString("callId").equals(ANSWERED_CALL)).id();
        assertTrue(id != null && !id.equals(lastId), "the pop carries its stream id for Last-Event-ID");
        after.close();
        SseClient again = keep(SseClient.open(agent1.port(), agent1.sessionCookie(), id));
        again.await("agent", a -> a.getString("state").equals("RINGING"));
        again.await("hello", h -> true);
        assertTrue(again.events("pop").isEmpty(), "nothing newer than Last-Event-ID: no pop replayed twice");
    }

    @Test
    void supervisorsSeeTheWaitingCallAndTheAbandonClearsIt() {
        ConsoleHarness console = console(connectedFeed());
        SseClient supervisor = stream(console.signedIn("supervisor1"));
        stream(console.signedIn("agent1"));
        supervisor.await("snapshot", s -> online(s, "agent1") && !online(s, "agent2"));
        Replay replay = pbx.replay(Scenario.QUEUE_ABANDONED);
        replay.playThrough("QueueCallerJoin");
        JsonObject waiting = supervisor.await("snapshot", s -> s.getInteger("waiting") == 1).json();
        JsonObject call = waiting.getJsonArray("queues").getJsonObject(0).getJsonArray("calls").getJsonObject(0);
        assertFalse(call.encode().contains("0501234567"), "supervisors see the caller number masked");
        assertFalse(waiting.encode().contains(People.ELDER), "no national ID in the supervisor view");

        replay.playThrough("QueueCallerAbandon");
        JsonObject after = supervisor.await("snapshot", s -> s.getInteger("abandonedToday") == 1).json();
        assertEquals(0, after.getInteger("waiting"));
        assertEquals("CONNECTED", after.getString("ami"));
    }

    @Test
    void aFailedAmiLoginIsReportedToSupervisors() {
        ConsoleHarness console = console(feed("wrong-secret"));
        SseClient supervisor = stream(console.signedIn("supervisor1"));
        supervisor.await("snapshot", s -> s.getString("ami").equals("AUTH_FAILED"));
        assertEquals(1, pbx.failedLogins());
    }

    @Test
    void anAgentPausesWithAReasonAndComesBackReadyThroughAsterisk() {
        ConsoleHarness console = console(connectedFeed());
        ConsoleClient agent1 = console.signedIn("agent1");
        SseClient sse = stream(agent1);
        agent1.post("/api/live/state", new JsonObject().put("state", "PAUSED").put("reason", "lunch")).expect(200);
        sse.await("agent", a -> a.getString("state").equals("PAUSED") && "lunch".equals(a.getString("reason")));
        agent1.post("/api/live/state", new JsonObject().put("state", "WRAP_UP")).expect(200);
        sse.await("agent", a -> a.getString("state").equals("WRAP_UP"));
        agent1.post("/api/live/state", new JsonObject().put("state", "READY")).expect(200);
        sse.await("agent", a -> a.getString("state").equals("READY") && sse.events("agent").size() >= 4);
        assertEquals(400, agent1.post("/api/live/state", new JsonObject().put("state", "PAUSED")).status(),
                "a pause needs a reason");
        try (SseClient anonymous = SseClient.open(console.port, null, null)) {
            assertEquals(401, anonymous.status(), "the stream needs a session");
        }
    }

    @Test
    void aChatIsClaimedByOneAgentAndTheReplyGoesToTheOutbox() {
        ConsoleHarness console = console(connectedFeed());
        ConsoleClient agent1 = console.signedIn("agent1");
        ConsoleClient agent2 = console.signedIn("agent2");
        SseClient sse1 = stream(agent1);
        SseClient sse2 = stream(agent2);
        Mobile citizen = Mobile.parse("0551234567");
        citizenSays(redis, citizen, "محادثة");

        String id = sse2.await("chat", e -> e.getString("kind").equals("opened")).json()
                .getJsonObject("conversation").getString("id");
        JsonObject list = agent1.get("/api/chat/conversations").expect(200).json();
        assertEquals("OPEN", list.getJsonArray("conversations").getJsonObject(0).getString("status"));
        assertFalse(list.encode().contains("0551234567"), "the inbox masks the citizen's number");

        agent1.post("/api/chat/conversations/" + id + "/claim", new JsonObject()).expect(200);
        assertEquals(409, agent2.post("/api/chat/conversations/" + id + "/claim", new JsonObject()).status());
        sse2.await("chat", e -> e.getString("kind").equals("claimed"));

        agent1.post("/api/chat/conversations/" + id + "/reply", new JsonObject().put("text", "كيف أخدمك؟")).expect(200);
        List<StreamEntry> out = redis.client().xrange(OutboxStreams.key(Lane.REPLY), (StreamEntryID) null,
                (StreamEntryID) null);
        assertEquals(1, out.size());
        OutboundSms sms = OutboundSms.fromFields(out.get(0).getFields());
        assertEquals(citizen, sms.to());
        assertEquals("كيف أخدمك؟", sms.text());
        assertEquals(403, agent2.post("/api/chat/conversations/" + id + "/reply", new JsonObject().put("text", "x"))
                .status());
        agent1.get("/api/chat/conversations/" + id).expect(200);
        String audited = redis.client().xrange(RedisAuditLog.KEY, (StreamEntryID) null, (StreamEntryID) null).stream()
                .map(e -> e.getFields().toString()).filter(f -> f.contains("CHAT_")).toList().toString();
        assertTrue(audited.contains("CHAT_REPLY") && audited.contains("CHAT_VIEW") && audited.contains("agent1"),
                audited);
        assertFalse(audited.contains("0551234567"), "the audit detail masks the number");

        citizenSays(redis, citizen, "أريد موعدا");
        sse1.await("chat", e -> e.containsKey("message")
                && e.getJsonObject("message").getString("text").equals("أريد موعدا"));
        agent1.post("/api/chat/conversations/" + id + "/close", new JsonObject()).expect(200);
        sse1.await("chat", e -> e.getString("kind").equals("closed"));
    }

    /** Whether the supervisor view says the agent has a console page with a live stream open. */
    private static boolean online(JsonObject snapshot, String agent) {
        return snapshot.getJsonArray("agents").stream().map(JsonObject.class::cast)
                .anyMatch(a -> a.getString("agent").equals(agent) && a.getBoolean("online", false));
    }

    private static String agentState(JsonObject snapshot, String agent) {
        return snapshot.getJsonArray("agents").stream().map(JsonObject.class::cast)
                .filter(a -> a.getString("agent").equals(agent)).findFirst().map(a -> a.getString("state")).orElse("");
    }

    private static void until(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for: " + what);
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** What the dialog engine does with a citizen's SMS after CHAT: append it to the core chat inbox stream. */
    private static void citizenSays(RedisHandle redis, Mobile citizen, String text) {
        new RedisChatInbox(redis.client()).append(new ChatMessage(ChatInbox.conversationOf(citizen), citizen,
                ChatMessage.Direction.IN, text, Language.AR, "", Instant.now()));
    }
}
