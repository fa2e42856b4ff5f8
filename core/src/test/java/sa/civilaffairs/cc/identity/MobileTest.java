package sa.civilaffairs.cc.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class MobileTest {

    private static final String E164 = "966551234567";

    @ParameterizedTest(name = "[{index}] spelling")
    @ValueSource(strings = {
            "0551234567",
            "551234567",
            "966551234567",
            "+966551234567",
            "00966551234567",
            "+966 0551234567",
            "+9660551234567",
            "00966 055 123 4567",
            "966 055 123 4567",
            "055 123 4567",
            "055-123-4567",
            "+966 55 123 4567",
            "  0551234567 ",
            "٠٥٥١٢٣٤٥٦٧",
            "۰۵۵۱۲۳۴۵۶۷",
            "+٩٦٦٥٥١٢٣٤٥٦٧",
            "٠٠٩٦٦ ٥٥ ١٢٣ ٤٥٦٧",
            "\u200E+966 55 123 4567\u200F"})
    void parsesEverySpellingToTheSameE164(String typed) {
        Mobile mobile = Mobile.parse(typed);
        assertEquals(E164, mobile.e164());
        assertEquals("0551234567", mobile.local());
        assertEquals(Optional.of(mobile), Mobile.tryParse(typed));
    }

    @ParameterizedTest(name = "[{index}] not a Saudi mobile")
    @ValueSource(strings = {
            "0112345678",      // Riyadh landline
            "0126543210",      // Jeddah landline
            "+966112345678",   // landline, international form
            "966138765432",
            "77799",           // our own short code
            "920022133",       // the hotline
            "199",
            "0",
            "05512345",        // too short
            "055123456789",    // too long
            "+9665512345678",
            "+1 555 123 4567", // foreign
            "+44 7700 900123",
            "005512345678",    // 00 is an international prefix, and 55 is not Saudi Arabia
            "00551234567",
            "0096655123456",
            "+00966551234567",
            "0551234567x",
            "mobile 0551234567",
            "(055) 123 4567",
            "0451234567"})
    void refusesEverythingElse(String typed) {
        assertThrows(InvalidIdentityException.class, () -> Mobile.parse(typed));
        assertEquals(Optional.empty(), Mobile.tryParse(typed));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  ", "+", "-"})
    void refusesNothing(String typed) {
        assertThrows(InvalidIdentityException.class, () -> Mobile.parse(typed));
        assertEquals(Optional.empty(), Mobile.tryParse(typed));
    }

    @Test
    void theConstructorTakesOnlyE164Digits() {
        assertEquals(E164, new Mobile(E164).e164());
        assertThrows(InvalidIdentityException.class, () -> new Mobile("0551234567"));
        assertThrows(InvalidIdentityException.class, () -> new Mobile("+966551234567"));
        assertThrows(InvalidIdentityException.class, () -> new Mobile("966112345678"));
        assertThrows(InvalidIdentityException.class, () -> new Mobile(null));
    }

    @Test
    void maskingShowsOnlyTheLastFourDigits() {
        Mobile mobile = Mobile.parse("0551234567");
        assertEquals("********4567", mobile.masked());
        assertEquals("********4567", mobile.toString());
    }

    @Test
    void errorMessagesNeverCarryTheWholeNumber() {
        for (String typed : new String[] {"0112345678", "+1 555 123 4567", "055123456789", "0551234567x"}) {
            InvalidIdentityException e = assertThrows(InvalidIdentityException.class, () -> Mobile.parse(typed));
            assertFalse(e.getMessage().contains("123"), e.getMessage());
            assertFalse(e.getMessage().contains("555"), e.getMessage());
        }
    }
}
