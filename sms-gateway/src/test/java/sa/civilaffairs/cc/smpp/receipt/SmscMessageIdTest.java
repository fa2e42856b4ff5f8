package sa.civilaffairs.cc.smpp.receipt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

class SmscMessageIdTest {
    @Test
    void normalisesCaseSpacesAndLeadingZeros() {
        assertEquals("f4240", SmscMessageId.normalise(" 00000000000F4240 "));
        assertEquals("0", SmscMessageId.normalise("0000"));
        assertEquals("", SmscMessageId.normalise(null));
    }

    @Test
    void hexResponseMatchesDecimalReceiptAndTheReverse() {
        Set<String> hex = SmscMessageId.forms("00000000000F4240");
        assertTrue(hex.contains(SmscMessageId.normalise("1000000")), hex.toString());
        Set<String> dec = SmscMessageId.forms("1000000");
        assertTrue(dec.contains(SmscMessageId.normalise("000F4240")), dec.toString());
        assertEquals(Set.of("msg-7"), SmscMessageId.forms("MSG-7"));
    }
}
