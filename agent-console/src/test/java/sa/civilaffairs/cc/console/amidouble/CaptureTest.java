package sa.civilaffairs.cc.console.amidouble;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CaptureTest {
    @ParameterizedTest
    @ValueSource(strings = {"ami-agent-login.log", "ami-call-events.log", "ami-call-hangup-events.log",
            "ami-queue-abandoned.log", "ami-queue-actions.log", "ami-queue-answered-callerhangup.log",
            "ami-queue-answered.log"})
    void everyByteOfTheCaptureIsAnEntryLineOrAPayload(String file) {
        byte[] raw = Capture.rawBytes(file);
        Capture capture = Capture.load(file);
        ByteArrayOutputStream payloads = new ByteArrayOutputStream();
        int lineBytes = 0;
        for (Capture.Entry e : capture.entries()) {
            payloads.writeBytes(e.payload());
        }
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        for (String line : text.split("\n")) {
            if (line.matches("^(\\d{4}-\\d\\d-\\d\\d )?\\d\\d:\\d\\d:\\d\\d\\.\\d{3} .*")) {
                // the short form carries the banner on the entry line: only "… << BANNER " is the entry
                lineBytes += line.contains("<< BANNER ") ? line.indexOf("<< BANNER ") + 10 : line.length() + 1;
            }
        }
        assertEquals(raw.length, payloads.size() + lineBytes, "entry lines + payloads cover the file");
        assertTrue(capture.entries().size() > 5);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ami-queue-abandoned.log", "ami-queue-actions.log", "ami-queue-answered.log",
            "ami-queue-answered-callerhangup.log", "ami-agent-login.log", "ami-call-events.log"})
    void framesRenderBackToTheCapturedBytes(String file) {
        for (Capture.Entry e : Capture.load(file).entries()) {
            if (e.kind() == Capture.Kind.RECEIVED || e.kind() == Capture.Kind.SENT) {
                AmiFrame parsed = e.frame();
                assertArrayEquals(e.payload(), AmiFrame.of(parsed.headers()).bytes(), "layout kept: " + parsed);
                assertTrue(new String(e.payload(), StandardCharsets.UTF_8).endsWith("\r\n\r\n"));
            }
        }
    }

    @org.junit.jupiter.api.Test
    void answeredScenarioCarriesTheQueueEventsInCaptureOrder() {
        List<String> queueEvents = Scenario.QUEUE_ANSWERED.events().stream().map(AmiFrame::event)
                .filter(n -> n.startsWith("Agent") || n.startsWith("QueueCaller")).toList();
        assertEquals(List.of("QueueCallerJoin", "AgentCalled", "AgentRingNoAnswer", "AgentCalled", "QueueCallerLeave",
                "AgentConnect", "AgentComplete"), queueEvents);
        AmiFrame join = Scenario.QUEUE_ANSWERED.events().stream().filter(f -> "QueueCallerJoin".equals(f.event()))
                .findFirst().orElseThrow();
        assertEquals("1000000008", join.chanVariable("CC_NID"));
        assertEquals("1>1>3", join.chanVariable("CC_TRAIL"));
        assertEquals("", join.chanVariable("CC_REF"));
        assertEquals("1795391284.0", join.get("Linkedid"));
    }

    @org.junit.jupiter.api.Test
    void editsKeepTheLayout() {
        AmiFrame join = Scenario.QUEUE_ANSWERED.capture().firstEvent("QueueCallerJoin");
        AmiFrame edited = join.with("Uniqueid", "1.2").withVariable("ChanVariable", "CC_NID", "2000000006");
        assertEquals("1.2", edited.get("Uniqueid"));
        assertEquals("2000000006", edited.chanVariable("CC_NID"));
        assertEquals(join.headers().size(), edited.headers().size());
        assertTrue(edited.text().contains("AccountCode: \r\n"), "an empty value keeps its space");
    }
}
