package sa.civilaffairs.cc.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class NationalIdTest {

    private static final String CITIZEN = "1000000008";
    private static final String RESIDENT = "2" + "00000000" + NationalId.luhnCheckDigit("200000000");

    @ParameterizedTest(name = "[{index}] typed form")
    @ValueSource(strings = {
            "1000000008",
            "١٠٠٠٠٠٠٠٠٨",
            "۱۰۰۰۰۰۰۰۰۸",
            "1٠۰0000008",
            "1000 000 008",
            "1 0 0 0 0 0 0 0 0 8",
            "1000-000-008",
            "1000–000–008",
            "  1000000008\n",
            "1000\u00A0000\u00A0008",
            "\u200F1000000008\u200E",
            "١٠٠٠ ٠٠٠ ٠٠٨",
            "۱۰۰۰-۰۰۰-۰۰۸"})
    void parsesEveryDigitScriptWithSpacesAndDashes(String typed) {
        NationalId id = NationalId.parse(typed);
        assertEquals(CITIZEN, id.value());
        assertTrue(id.isCitizen());
        assertFalse(id.isResident());
        assertTrue(NationalId.isValid(typed));
    }

    @Test
    void aResidentIqamaStartsWithTwo() {
        NationalId iqama = NationalId.parse(RESIDENT);
        assertTrue(iqama.isResident());
        assertFalse(iqama.isCitizen());
    }

    @ParameterizedTest(name = "[{index}] wrong length")
    @ValueSource(strings = {"100000000", "10000000080", "1", "10000000", "100000000800000000"})
    void refusesTheWrongNumberOfDigits(String typed) {
        InvalidIdentityException e = assertThrows(InvalidIdentityException.class, () -> NationalId.parse(typed));
        assertTrue(e.getMessage().contains("expected: 10 digits"), e.getMessage());
        assertFalse(NationalId.isValid(typed));
    }

    @Test
    void refusesAFirstDigitOtherThanOneOrTwoEvenWithAGoodCheckDigit() {
        for (char first : "03456789".toCharArray()) {
            String body = first + "00000001";
            String id = body + NationalId.luhnCheckDigit(body);
            InvalidIdentityException e = assertThrows(InvalidIdentityException.class, () -> NationalId.parse(id));
            assertTrue(e.getMessage().contains("first digit 1"), e.getMessage());
        }
    }

    @Test
    void refusesEveryWrongCheckDigit() {
        for (char wrong = '0'; wrong <= '9'; wrong++) {
            if (wrong == '8') {
                continue;
            }
            String typed = "100000000" + wrong;
            InvalidIdentityException e = assertThrows(InvalidIdentityException.class, () -> NationalId.parse(typed));
            assertTrue(e.getMessage().contains("check digit"), e.getMessage());
        }
    }

    @Test
    void theCheckDigitCatchesEverySingleDigitErrorOverASample() {
        Random random = new Random(20261122);
        for (int n = 0; n < 500; n++) {
            String body = (random.nextBoolean() ? "1" : "2") + String.format("%08d", random.nextInt(100_000_000));
            String id = body + NationalId.luhnCheckDigit(body);
            assertTrue(NationalId.isValid(id));
            for (int pos = 1; pos < 10; pos++) {
                for (char d = '0'; d <= '9'; d++) {
                    if (d != id.charAt(pos)) {
                        String typo = id.substring(0, pos) + d + id.substring(pos + 1);
                        assertFalse(NationalId.isValid(typo), "typo at " + pos);
                    }
                }
            }
        }
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"100000000a", "ID 1000000008", "1000000008#", "+1000000008", "1000/000/008", "١٠٠٠٠٠٠٠٠x"})
    void refusesAnythingButDigitsAndSeparators(String typed) {
        assertThrows(InvalidIdentityException.class, () -> NationalId.parse(typed));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "--"})
    void refusesNothing(String typed) {
        assertThrows(InvalidIdentityException.class, () -> NationalId.parse(typed));
        assertFalse(NationalId.isValid(typed));
    }

    @Test
    void theConstructorTakesOnlyTheCanonicalForm() {
        assertThrows(InvalidIdentityException.class, () -> new NationalId("1000 000 008"));
        assertThrows(InvalidIdentityException.class, () -> new NationalId("١٠٠٠٠٠٠٠٠٨"));
        assertThrows(InvalidIdentityException.class, () -> new NationalId(null));
        assertEquals(new NationalId(CITIZEN), NationalId.parse("1000 000 008"));
    }

    @Test
    void maskingShowsOnlyTheLastFourDigits() {
        NationalId id = NationalId.parse(CITIZEN);
        assertEquals("******0008", id.masked());
        assertEquals("******0008", id.toString());
        assertEquals("******0008", String.valueOf(id));
    }

    @Test
    void errorMessagesNeverCarryTheWholeNumber() {
        String badCheck = "1234567890";
        String longer = "12345678901";
        String withText = "my id 1234567897";
        for (String typed : new String[] {badCheck, longer, withText, "123456789"}) {
            InvalidIdentityException e = assertThrows(InvalidIdentityException.class, () -> NationalId.parse(typed));
            assertFalse(e.getMessage().contains("123456"), e.getMessage());
        }
    }

    @Test
    void luhnCheckDigitCompletesAnyNineDigits() {
        Random random = new Random(7);
        for (int n = 0; n < 1_000; n++) {
            String body = "1" + String.format("%08d", random.nextInt(100_000_000));
            assertTrue(NationalId.isValid(body + NationalId.luhnCheckDigit(body)));
        }
        assertEquals('8', NationalId.luhnCheckDigit("100000000"));
    }
}
