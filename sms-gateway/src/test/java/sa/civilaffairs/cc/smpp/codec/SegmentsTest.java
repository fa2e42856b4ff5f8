package sa.civilaffairs.cc.smpp.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SegmentsTest {
    @Test
    void gsmSingleUpTo160SeptetsThen153PerPart() {
        assertEquals(1, Segments.of("a".repeat(160), 1).count());
        assertEquals(2, Segments.of("a".repeat(161), 1).count());
        assertEquals(2, Segments.of("a".repeat(306), 1).count());
        assertEquals(3, Segments.of("a".repeat(307), 1).count());
        // € takes two septets: 80 of them fill one message
        assertEquals(1, Segments.of("€".repeat(80), 1).count());
        assertEquals(2, Segments.of("€".repeat(81), 1).count());
    }

    @Test
    void ucs2SingleUpTo70Then67PerPart() {
        assertEquals(Alphabet.UCS2, Segments.of("مرحبا", 1).alphabet());
        assertEquals(1, Segments.of("م".repeat(70), 1).count());
        assertEquals(2, Segments.of("م".repeat(71), 1).count());
        assertEquals(3, Segments.of("م".repeat(135), 1).count());
    }

    @Test
    void partsCarryAnEightBitConcatenationHeader() {
        Segments s = Segments.of("م".repeat(140), 0x1A2);
        assertTrue(s.udh());
        for (int i = 0; i < 3; i++) {
            byte[] p = s.payloads().get(i);
            assertArrayEquals(new byte[] {5, 0, 3, (byte) 0xA2, 3, (byte) (i + 1)}, java.util.Arrays.copyOf(p, 6));
            assertEquals(new UserData.Concat(0xA2, 3, i + 1), UserData.concat(p));
        }
        String joined = s.payloads().stream()
                .map(p -> new String(p, 6, p.length - 6, StandardCharsets.UTF_16BE)).collect(Collectors.joining());
        assertEquals("م".repeat(140), joined);
    }

    @Test
    void noPartSplitsAnEscapeOrASurrogatePair() {
        String gsm = "a".repeat(152) + "€€€€€";
        Segments s = Segments.of(gsm, 1);
        String joined = s.payloads().stream().map(p -> Gsm7.decode(p, 6, p.length - 6)).collect(Collectors.joining());
        assertEquals(gsm, joined);
        assertEquals(6 + 152, s.payloads().get(0).length, "the € that does not fit goes whole to part 2");

        String emoji = "ب".repeat(66) + "😀" + "ب".repeat(10);
        Segments u = Segments.of(emoji, 1);
        String first = new String(u.payloads().get(0), 6, u.payloads().get(0).length - 6, StandardCharsets.UTF_16BE);
        assertEquals(66, first.length());
        assertEquals(emoji, u.payloads().stream()
                .map(p -> new String(p, 6, p.length - 6, StandardCharsets.UTF_16BE)).collect(Collectors.joining()));
    }

    @Test
    void gsmRoundTripsEveryCharacterOfBothTables() {
        String all = IntStream.range(0, 0x10000).filter(c -> Gsm7.canEncode(String.valueOf((char) c)))
                .mapToObj(c -> String.valueOf((char) c)).collect(Collectors.joining());
        assertEquals(127 + 10, all.length(), "127 basic characters (escape excluded) and 10 extension ones");
        byte[] septets = Gsm7.encode(all);
        assertEquals(all, Gsm7.decode(septets, 0, septets.length));
        assertFalse(Gsm7.canEncode("مرحبا"));
        assertNotEquals(Alphabet.GSM7, Alphabet.choose("Hello ✓"));
    }

    @Test
    void dataCodingsDecode() {
        byte[] latin = "Café".getBytes(StandardCharsets.ISO_8859_1);
        assertEquals("Café", UserData.decode((byte) 3, latin, 0, latin.length));
        byte[] ucs2 = "سلام".getBytes(StandardCharsets.UTF_16BE);
        assertEquals("سلام", UserData.decode((byte) 8, ucs2, 0, ucs2.length));
        assertEquals("سلام", UserData.decode((byte) 0x18, ucs2, 0, ucs2.length), "UCS-2 with message class");
        byte[] gsm = Gsm7.encode("{x}");
        assertEquals("{x}", UserData.decode((byte) 0, gsm, 0, gsm.length));
        assertEquals("{x}", UserData.decode((byte) 0xF0, gsm, 0, gsm.length));
    }

    @Test
    void sixteenBitReferences() {
        byte[] udh = {6, 8, 4, 0x12, 0x34, 2, 1, 'x'};
        assertEquals(new UserData.Concat(0x1234, 2, 1), UserData.concat(udh));
        assertEquals(7, UserData.headerLength(udh));
    }
}
