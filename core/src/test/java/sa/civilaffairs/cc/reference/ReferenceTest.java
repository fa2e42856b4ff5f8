package sa.civilaffairs.cc.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import sa.civilaffairs.cc.reference.Reference.InvalidReferenceException;

class ReferenceTest {

    @ParameterizedTest
    @EnumSource(ReferenceKind.class)
    void aBuiltReferenceStartsWithItsKindAndParsesBack(ReferenceKind kind) {
        Reference ref = Reference.of(kind, "1234567");
        assertEquals(Reference.LENGTH, ref.value().length());
        assertEquals(kind.digit(), ref.value().charAt(0));
        assertEquals(kind, ref.kind());
        assertEquals(ref, Reference.parse(ref.value()));
        assertEquals(ref.value(), ref.toString());
    }

    @Test
    void parsesEveryDigitScriptAndTheGroupedForm() {
        Reference ref = Reference.of(ReferenceKind.APPOINTMENT, "0000042");
        String value = ref.value();
        assertEquals(ref, Reference.parse(ref.grouped()));
        assertEquals(ref, Reference.parse(" " + value + " "));
        assertEquals(ref, Reference.parse(value.substring(0, 4) + "-" + value.substring(4)));
        assertEquals(ref, Reference.parse(arabicIndic(value)));
        assertEquals(ref, Reference.parse(extendedArabicIndic(value)));
    }

    @Test
    void groupedReadsKindThenThreeThreeAndTwo() {
        Reference ref = Reference.of(ReferenceKind.TICKET, "1234567");
        assertEquals("3 123 456 7" + ref.value().charAt(8), ref.grouped());
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"", "1", "12345678", "1234567890", "12345678a", "abcdefghi", "1234 5678 9 0"})
    void refusesAnythingButNineDigits(String typed) {
        assertThrows(InvalidReferenceException.class, () -> Reference.parse(typed));
        assertEquals(Optional.empty(), Reference.tryParse(typed));
    }

    @Test
    void refusesNull() {
        assertThrows(InvalidReferenceException.class, () -> Reference.parse(null));
        assertThrows(InvalidReferenceException.class, () -> new Reference(null));
    }

    @Test
    void refusesAFirstDigitThatIsNoKindEvenWithAGoodCheckDigit() {
        for (char first : "06789".toCharArray()) {
            String body = first + "1234567";
            // a check digit that satisfies Damm for this body: one of the ten must
            String valid = null;
            for (char c = '0'; c <= '9' && valid == null; c++) {
                if (dammValid(body + c)) {
                    valid = body + c;
                }
            }
            String typed = valid;
            InvalidReferenceException e = assertThrows(InvalidReferenceException.class, () -> Reference.parse(typed));
            assertTrue(e.getMessage().contains("first digit"), e.getMessage());
        }
    }

    @Test
    void ofRefusesABodyThatIsNotSevenDigits() {
        assertThrows(InvalidReferenceException.class, () -> Reference.of(ReferenceKind.TICKET, "123456"));
        assertThrows(InvalidReferenceException.class, () -> Reference.of(ReferenceKind.TICKET, "12345678"));
        assertThrows(InvalidReferenceException.class, () -> Reference.of(ReferenceKind.TICKET, "12345a7"));
        assertThrows(InvalidReferenceException.class, () -> Reference.of(ReferenceKind.TICKET, "١٢٣٤٥٦٧"));
        assertThrows(InvalidReferenceException.class, () -> Reference.of(ReferenceKind.TICKET, null));
    }

    @Test
    void exactlyOneCheckDigitCompletesABody() {
        Reference ref = Reference.of(ReferenceKind.VISIT_REQUEST, "7654321");
        int valid = 0;
        for (char c = '0'; c <= '9'; c++) {
            if (Reference.tryParse(ref.value().substring(0, 8) + c).isPresent()) {
                valid++;
            }
        }
        assertEquals(1, valid);
    }

    @Test
    void theCheckDigitCatchesEverySingleDigitErrorAndEveryAdjacentSwapOverASample() {
        List<Reference> sample = sample();
        int errors = 0;
        for (Reference ref : sample) {
            String v = ref.value();
            for (int pos = 0; pos < v.length(); pos++) {
                for (char d = '0'; d <= '9'; d++) {
                    if (d != v.charAt(pos)) {
                        String typo = v.substring(0, pos) + d + v.substring(pos + 1);
                        assertEquals(Optional.empty(), Reference.tryParse(typo), v + " -> " + typo);
                        errors++;
                    }
                }
            }
            for (int pos = 0; pos + 1 < v.length(); pos++) {
                if (v.charAt(pos) != v.charAt(pos + 1)) {
                    String swapped = v.substring(0, pos) + v.charAt(pos + 1) + v.charAt(pos) + v.substring(pos + 2);
                    assertEquals(Optional.empty(), Reference.tryParse(swapped), v + " -> " + swapped);
                    errors++;
                }
            }
        }
        assertTrue(errors > 300_000, "errors tried: " + errors);
    }

    /**
     * About 3,500 references: every kind, with bodies spread evenly over the whole space, runs of one digit, and
     * seeded random bodies.
     */
    private static List<Reference> sample() {
        List<Reference> sample = new ArrayList<>();
        Random random = new Random(1448);
        for (ReferenceKind kind : ReferenceKind.values()) {
            for (int n = 0; n < 10_000_000; n += 19_997) {
                sample.add(Reference.of(kind, String.format("%07d", n)));
            }
            for (char d = '0'; d <= '9'; d++) {
                sample.add(Reference.of(kind, String.valueOf(d).repeat(7)));
            }
            for (int n = 0; n < 200; n++) {
                sample.add(Reference.of(kind, String.format("%07d", random.nextInt(10_000_000))));
            }
        }
        return sample;
    }

    /** Damm check computed independently from the operation table given in Damm's thesis (2004). */
    private static boolean dammValid(String digits) {
        int[][] table = {
                {0, 3, 1, 7, 5, 9, 8, 6, 4, 2}, {7, 0, 9, 2, 1, 5, 4, 8, 6, 3}, {4, 2, 0, 6, 8, 7, 1, 3, 5, 9},
                {1, 7, 5, 0, 9, 8, 3, 4, 2, 6}, {6, 1, 2, 3, 0, 4, 5, 9, 7, 8}, {3, 6, 7, 4, 2, 0, 9, 5, 8, 1},
                {5, 8, 6, 9, 7, 2, 0, 1, 3, 4}, {8, 9, 4, 5, 3, 6, 2, 0, 1, 7}, {9, 4, 3, 8, 6, 1, 7, 2, 0, 5},
                {2, 5, 8, 1, 4, 3, 6, 7, 9, 0}};
        int interim = 0;
        for (char c : digits.toCharArray()) {
            interim = table[interim][c - '0'];
        }
        return interim == 0;
    }

    private static String arabicIndic(String western) {
        StringBuilder out = new StringBuilder();
        western.chars().forEach(c -> out.append((char) ('\u0660' + (c - '0'))));
        return out.toString();
    }

    private static String extendedArabicIndic(String western) {
        StringBuilder out = new StringBuilder();
        western.chars().forEach(c -> out.append((char) ('\u06F0' + (c - '0'))));
        return out.toString();
    }
}
