package sa.civilaffairs.cc.dialog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SmsSegmentsTest {

    @Test
    void gsmTextsCountSeptets() {
        assertEquals(1, SmsSegments.count("a".repeat(160)));
        assertEquals(2, SmsSegments.count("a".repeat(161)));
        assertEquals(2, SmsSegments.count("a".repeat(306)));
        assertEquals(3, SmsSegments.count("a".repeat(307)));
        assertEquals(2, SmsSegments.count("€".repeat(81)), "extension characters take two septets");
    }

    @Test
    void arabicTextsCountUcs2Units() {
        assertEquals(1, SmsSegments.count("م".repeat(70)));
        assertEquals(2, SmsSegments.count("م".repeat(71)));
        assertEquals(2, SmsSegments.count("م".repeat(134)));
        assertEquals(3, SmsSegments.count("م".repeat(135)));
        assertEquals(2, SmsSegments.count("a".repeat(100) + "م"), "one Arabic letter makes the whole text UCS-2");
    }
}
