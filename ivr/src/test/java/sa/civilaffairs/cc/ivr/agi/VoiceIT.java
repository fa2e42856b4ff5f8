package sa.civilaffairs.cc.ivr.agi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.asteriskjava.fastagi.AgiScript;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import sa.civilaffairs.cc.config.ConfigDirectory;
import sa.civilaffairs.cc.ivr.IvrConfig;
import sa.civilaffairs.cc.ivr.agidouble.AsteriskDouble;
import sa.civilaffairs.cc.ivr.agidouble.CallRecord;
import sa.civilaffairs.cc.ivr.agidouble.CallSetup;
import sa.civilaffairs.cc.ivr.agidouble.ScriptedCaller;
import sa.civilaffairs.cc.ivr.prompt.Prompt;

/** What a caller gives, as the IVR's {@link Voice} reads it from the Asterisk double's answers over TCP. */
class VoiceIT {

    private final List<Object> heard = new ArrayList<>();
    private HotlineServer server;
    private AsteriskDouble asterisk;

    @BeforeEach
    void start() {
        IvrConfig config = IvrConfig.load(ConfigDirectory.locate().resolve(IvrConfig.FILE),
                Map.of("IVR_AGI_PORT", "0"));
        AgiScript script = (request, channel) -> {
            Voice voice = new Voice(channel, "cc", 5000, 10000, p -> { });
            voice.say(List.of(Prompt.of("welcome")));
            heard.add(voice.digits(List.of(Prompt.of("enter-nid")), 11));
            heard.add(voice.menu(List.of(Prompt.of("main-menu"), Prompt.of("back-hint"))));
            // a prompt without escape digits: keys pressed now are lost (the failure the issue warns of)
            channel.sayDigits("123");
            heard.add(voice.menu(List.of(Prompt.of("main-menu"))));
        };
        server = HotlineServer.start(config.agi(), Map.of("t", script));
        asterisk = new AsteriskDouble(new InetSocketAddress("127.0.0.1", server.port()));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private CallRecord call(ScriptedCaller caller) throws Exception {
        return asterisk.call(CallSetup.hotline("0500000101", 1).script("t"), caller);
    }

    @Test
    void timeoutBareHashAndDigitsAreThreeOutcomes() throws Exception {
        call(ScriptedCaller.script().silence().press("#").silence());
        call(ScriptedCaller.script().press("1000000016#").press("3").press("1"));
        call(ScriptedCaller.script().press("12").press("*").press("1"));
        assertEquals(List.of(new Entry.Silence(), new Entry.Key('#'), new Entry.Silence(),
                new Entry.Digits("1000000016", true), new Entry.Key('3'), new Entry.Key('1'),
                new Entry.Digits("12", false), new Entry.Key('*'), new Entry.Key('1')), heard);
    }

    @Test
    void keysTypedDuringAStatementAnswerTheNextRead() throws Exception {
        CallRecord call = call(ScriptedCaller.script().typeAhead("1000000016#").typeAhead("7").press("2"));
        assertEquals(new Entry.Digits("1000000016", true), heard.get(0));
        assertEquals(new Entry.Key('7'), heard.get(1));
        // welcome was interrupted, the ID prompt was not played at all: the caller already typed
        assertEquals(List.of("cc/ar/welcome", "cc/ar/silence", "cc/ar/main-menu"), call.played().subList(0, 3));
        assertEquals("", call.lostKeys());
    }

    @Test
    void keysPressedWhileNothingReadsAreLost() throws Exception {
        CallRecord call = call(ScriptedCaller.script().press("#").press("1").typeAhead("9").press("4"));
        assertInstanceOf(Entry.Key.class, heard.get(2));
        assertEquals(new Entry.Key('4'), heard.get(2));
        assertEquals("9", call.lostKeys());
    }

    @Test
    void aHangUpDuringAReadEndsTheScript() throws Exception {
        CallRecord call = call(ScriptedCaller.script().hangUp());
        assertEquals(List.of(), heard);
        assertEquals(CallRecord.End.CALLER_HUNG_UP, call.end());
        assertEquals(List.of("200 result=-1"), call.exchanges().get(1).answer());
    }
}
