package sa.civilaffairs.cc.console.amidouble;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The double against the captures, over a raw TCP socket: the bytes Asterisk 22 sent are the bytes it sends. */
class AmiDoubleIT {
    private AmiDouble pbx;

    @BeforeEach
    void start() {
        pbx = AmiDouble.builder().authFailureDelay(Duration.ofMillis(100)).start();
    }

    @AfterEach
    void stop() {
        pbx.close();
    }

    /** A bare AMI peer: writes bytes, reads frames. */
    private final class Peer implements AutoCloseable {
        final Socket socket;
        final InputStream in;
        final OutputStream out;

        Peer() throws IOException {
            socket = new Socket(pbx.host(), pbx.port());
            socket.setSoTimeout(5000);
            in = socket.getInputStream();
            out = socket.getOutputStream();
        }

        byte[] line() throws IOException {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            int c;
            while ((c = in.read()) >= 0) {
                b.write(c);
                if (c == '\n') {
                    break;
                }
            }
            return b.toByteArray();
        }

        /** The next frame, or null at end of stream. */
        AmiFrame frame() throws IOException {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            while (true) {
                byte[] l = line();
                if (l.length == 0) {
                    return null;
                }
                b.writeBytes(l);
                if (l.length == 2 && l[0] == '\r') {
                    return AmiFrame.parse(b.toByteArray());
                }
            }
        }

        byte[] read(int n) throws IOException {
            return in.readNBytes(n);
        }

        void send(byte[] bytes) throws IOException {
            out.write(bytes);
            out.flush();
        }

        void send(String text) throws IOException {
            send(text.getBytes(StandardCharsets.UTF_8));
        }

        /** Frames answering one ActionID, skipping unsolicited events, until {@code count} are read. */
        List<AmiFrame> answers(String actionId, int count) throws IOException {
            List<AmiFrame> got = new ArrayList<>();
            while (got.size() < count) {
                AmiFrame f = frame();
                assertNotNull(f, "connection closed before " + count + " answers to " + actionId);
                if (actionId.equals(f.get("ActionID"))) {
                    got.add(f);
                }
            }
            return got;
        }

        void login(String events) throws IOException {
            line(); // banner
            send("Action: Login\r\nActionID: l\r\nUsername: ivrtest\r\nSecret: ivrtest\r\nEvents: " + events + "\r\n\r\n");
            assertEquals("Authentication accepted", answers("l", 1).get(0).get("Message"));
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    private static byte[] captured(String file, String actionId) {
        return Capture.load(file).received(connectionOf(file, actionId)).stream()
                .filter(f -> actionId.equals(f.get("ActionID"))).findFirst().orElseThrow().bytes();
    }

    private static String connectionOf(String file, String actionId) {
        return actionId.substring(0, actionId.indexOf('-'));
    }

    @Test
    void loginsAnswerAsCaptured() throws Exception {
        Capture login = Capture.load("ami-agent-login.log");
        try (Peer p = new Peer()) {
            assertArrayEquals(login.banner(), p.line(), "greeting");
            p.send("Action: Login\r\nActionID: badlogin-1\r\nUsername: ivrtest\r\nSecret: wrong-secret\r\nEvents: on\r\n\r\n");
            assertArrayEquals(captured("ami-agent-login.log", "badlogin-1"), p.frame().bytes());
            assertNull(p.frame(), "Asterisk closes the connection after a failed login");
        }
        try (Peer p = new Peer()) {
            p.line();
            p.send("Action: Login\r\nActionID: baduser-1\r\nUsername: nosuchuser\r\nSecret: x\r\nEvents: on\r\n\r\n");
            assertArrayEquals(captured("ami-agent-login.log", "baduser-1"), p.frame().bytes());
            assertNull(p.frame());
        }
        try (Peer p = new Peer()) {
            p.line();
            p.send("Action: Ping\r\nActionID: console-1\r\n\r\n");
            assertArrayEquals(captured("ami-agent-login.log", "console-1"), p.frame().bytes(), "Ping before Login");
            p.send("Action: Login\r\nActionID: console-2\r\nUsername: ivrtest\r\nSecret: ivrtest\r\nEvents: on\r\n\r\n");
            assertArrayEquals(captured("ami-agent-login.log", "console-2"), p.frame().bytes());
            assertEquals("FullyBooted", p.frame().event());
            p.send("Action: Ping\r\nActionID: console-3\r\n\r\n");
            AmiFrame pong = p.answers("console-3", 1).get(0);
            assertEquals(List.of("Response", "ActionID", "Ping", "Timestamp"),
                    pong.headers().stream().map(AmiFrame.Header::name).toList());
            assertEquals("Pong", pong.get("Ping"));
            assertTrue(pong.get("Timestamp").matches("\\d{10}\\.\\d{6}"));
            p.send("Action: Logoff\r\nActionID: console-5\r\n\r\n");
            assertArrayEquals(captured("ami-agent-login.log", "console-5"), p.answers("console-5", 1).get(0).bytes());
            assertNull(p.frame());
        }
        assertEquals(2, pbx.failedLogins());
    }

    @Test
    void md5ChallengeLoginAsAsteriskJavaDoesIt() throws Exception {
        try (Peer p = new Peer()) {
            p.line();
            p.send("Action: Challenge\r\nActionID: md5-1\r\nAuthType: MD5\r\n\r\n");
            String challenge = p.frame().get("Challenge");
            assertTrue(challenge.matches("\\d{9}"));
            String key = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("MD5")
                    .digest((challenge + "ivrtest").getBytes(StandardCharsets.UTF_8)));
            p.send("Action: Login\r\nActionID: md5-2\r\nAuthType: MD5\r\nUsername: ivrtest\r\nKey: " + key
                    + "\r\nEvents: off\r\n\r\n");
            assertArrayEquals(captured("ami-agent-login.log", "md5-2"), p.frame().bytes());
        }
    }

    /** Parts A to D of ami-queue-actions.log sent byte for byte; answers compared with the capture. */
    @Test
    void queueActionsAnswerAsCaptured() throws Exception {
        Capture actions = Capture.load("ami-queue-actions.log");
        List<AmiFrame> received = actions.received("console");
        try (Peer p = new Peer()) {
            p.login("off");
            for (int n = 2; n <= 18; n++) {
                String id = "console-" + n;
                byte[] sent = actions.entries().stream()
                        .filter(e -> e.kind() == Capture.Kind.SENT && id.equals(e.frame().get("ActionID")))
                        .findFirst().orElseThrow().payload();
                List<AmiFrame> expected = received.stream().filter(f -> id.equals(f.get("ActionID"))).toList();
                p.send(sent);
                List<AmiFrame> got = p.answers(id, expected.size());
                boolean stateful = n == 8 || n == 11; // LastPause / LoginTime are now's, not the capture's
                for (int i = 0; i < expected.size(); i++) {
                    if (stateful && expected.get(i).isEvent()) {
                        assertEquals(names(expected.get(i)), names(got.get(i)), id + " frame " + i);
                    } else {
                        assertEquals(expected.get(i).text(), got.get(i).text(), id + " frame " + i);
                    }
                }
            }
        }
        assertEquals(3, pbx.actionCount("QueueAdd"));
    }

    @Test
    void pauseRaisesQueueMemberPauseInAppQueuesLayout() throws Exception {
        AmiFrame capturedPause = Capture.load("ami-queue-actions.log").firstEvent("QueueMemberPause");
        try (Peer p = new Peer()) {
            p.login("on");
            p.send("Action: QueuePause\r\nActionID: x\r\nInterface: Local/agent1@agents/n\r\nQueue: civil-affairs-ar"
                    + "\r\nPaused: true\r\nReason: lunch\r\n\r\n");
            AmiFrame event;
            do {
                event = p.frame();
            } while (!"QueueMemberPause".equals(event.event()));
            assertEquals(names(capturedPause), names(event));
            assertEquals("lunch", event.get("PausedReason"));
            assertEquals("1", event.get("Paused"));
        }
    }

    @Test
    void replaysTheCapturedEventsByteForByte() throws Exception {
        List<AmiFrame> events = Scenario.QUEUE_ANSWERED.events();
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        events.forEach(e -> expected.writeBytes(e.bytes()));
        try (Peer p = new Peer()) {
            p.login("on");
            assertEquals("FullyBooted", p.frame().event());
            assertEquals("SuccessfulAuth", p.frame().event());
            pbx.replay(Scenario.QUEUE_ANSWERED).playRest();
            assertArrayEquals(expected.toByteArray(), p.read(expected.size()));
        }
    }

    @Test
    void eventMaskAndFilterChooseWhatIsSent() throws Exception {
        try (Peer agentOnly = new Peer(); Peer filtered = new Peer(); Peer none = new Peer()) {
            agentOnly.login("agent");
            filtered.login("on");
            filtered.send("Action: Filter\r\nActionID: f\r\nOperation: Add\r\nFilter: Event: (AgentCalled|AgentConnect|AgentComplete)\r\n\r\n");
            assertEquals("Success", filtered.answers("f", 1).get(0).get("Response"));
            filtered.send("Action: Filter\r\nActionID: g\r\nOperation: Add\r\nFilter: (unclosed\r\n\r\n");
            assertEquals("Filter did not compile.  Check the syntax of the filter given.",
                    filtered.answers("g", 1).get(0).get("Message"));
            none.login("off");
            pbx.replay(Scenario.QUEUE_ANSWERED).playRest();
            pbx.play(AmiFrame.of("Event", "AgentComplete", "Privilege", "agent,all", "Queue", "end-marker"));
            List<String> agentEvents = until(agentOnly, "end-marker");
            assertTrue(agentEvents.stream().allMatch(n -> n.startsWith("Agent") || n.startsWith("QueueCaller")
                    || n.startsWith("QueueMember")), agentEvents.toString());
            assertEquals(List.of("AgentCalled", "AgentCalled", "AgentConnect"), until(filtered, "end-marker").stream()
                    .filter(n -> !n.equals("AgentComplete")).toList());
            none.send("Action: Ping\r\nActionID: p\r\n\r\n");
            assertEquals("Pong", none.frame().get("Ping"), "nothing but the Pong reached the Events: off session");
        }
    }

    private static List<String> until(Peer p, String queueMarker) throws IOException {
        List<String> names = new ArrayList<>();
        while (true) {
            AmiFrame f = p.frame();
            if (queueMarker.equals(f.get("Queue"))) {
                return names;
            }
            if (f.isEvent()) {
                names.add(f.event());
            }
        }
    }

    private static List<String> names(AmiFrame f) {
        return f.headers().stream().map(AmiFrame.Header::name).toList();
    }
}
