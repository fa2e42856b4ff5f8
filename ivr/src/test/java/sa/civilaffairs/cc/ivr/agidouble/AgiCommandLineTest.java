package sa.civilaffairs.cc.ivr.agidouble;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class AgiCommandLineTest {

    @Test
    void parsesQuotedArgumentsAsAsteriskDoes() {
        AgiCommandLine c = AgiCommandLine.parse("STREAM FILE \"cc/ar/main-menu\" \"0123456789*#\"");
        assertEquals("STREAM FILE", c.verb());
        assertEquals(List.of("cc/ar/main-menu", "0123456789*#"), c.args());
        assertEquals(List.of("IVR_RESULT", "done"), AgiCommandLine.parse("SET VARIABLE IVR_RESULT done").args());
        assertEquals(List.of("a \"b\"", ""), AgiCommandLine.parse("SET VARIABLE \"a \\\"b\\\"\" \"\"").args());
    }

    @Test
    void theLongestCommandNameWins() {
        assertEquals("GET FULL VARIABLE", AgiCommandLine.parse("GET FULL VARIABLE ${X}").verb());
        assertEquals("GET VARIABLE", AgiCommandLine.parse("get variable CHANNEL").verb());
        assertEquals("", AgiCommandLine.parse("BOGUS COMMAND").verb());
    }
}
