package sa.civilaffairs.cc.console.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import sa.civilaffairs.cc.console.support.People;
import sa.civilaffairs.cc.office.Region;
import sa.civilaffairs.cc.text.Language;

class InputsTest {

    private static ApiCall call(JsonObject body) {
        return new ApiCall(Language.EN, "127.0.0.1", body, Map.of(), Optional.empty());
    }

    private static Map<String, FieldErrors.Message> refused(FieldErrors errors) {
        return assertThrows(ApiException.class, errors::throwIfAny).fields();
    }

    @Test
    void aNationalIdIsRequiredCheckedAndATypoInTheCheckDigitHasItsOwnMessage() {
        FieldErrors errors = new FieldErrors();
        assertEquals(People.ELDER, Inputs.nationalId(call(new JsonObject().put("id", " " + People.ELDER + " ")), "id",
                errors).orElseThrow().value());
        String typo = People.ELDER.substring(0, 9) + ((People.ELDER.charAt(9) - '0' + 1) % 10);
        Inputs.nationalId(call(new JsonObject().put("id", typo)), "id", errors);
        Inputs.nationalId(call(new JsonObject()), "other", errors);
        Map<String, FieldErrors.Message> fields = refused(errors);
        assertEquals("field.nationalId.checkDigit", fields.get("id").key());
        assertEquals("field.required", fields.get("other").key());
    }

    @Test
    void anOptionalMobileMayBeLeftOutButNotMistyped() {
        FieldErrors errors = new FieldErrors();
        assertTrue(Inputs.optionalMobile(call(new JsonObject()), "m", errors).isEmpty());
        assertEquals("966500000001", Inputs.optionalMobile(call(new JsonObject().put("m", "٠٥٠٠٠٠٠٠٠١")), "m", errors)
                .orElseThrow().e164());
        assertFalse(errors.has("m"));
        Inputs.optionalMobile(call(new JsonObject().put("m", "0400000001")), "m", errors);
        Inputs.mobile(call(new JsonObject()), "required", errors);
        Map<String, FieldErrors.Message> fields = refused(errors);
        assertEquals("field.mobile", fields.get("m").key());
        assertEquals("field.required", fields.get("required").key());
    }

    @Test
    void choicesAreEnumNamesInAnyCaseAndTextHasALimit() {
        FieldErrors errors = new FieldErrors();
        assertEquals(Region.AL_JOUF, Inputs.requiredEnum(call(new JsonObject().put("r", "al_jouf")), "r", Region.class,
                errors).orElseThrow());
        assertTrue(Inputs.optionalEnum(call(new JsonObject()), "o", Region.class, errors).isEmpty());
        Inputs.optionalEnum(call(new JsonObject().put("x", "ATLANTIS")), "x", Region.class, errors);
        Inputs.text(call(new JsonObject().put("t", "abcdef")), "t", 5, false, errors);
        assertEquals("", Inputs.text(call(new JsonObject()), "note", 5, true, errors));
        Map<String, FieldErrors.Message> fields = refused(errors);
        assertEquals("field.choice", fields.get("x").key());
        assertEquals("field.tooLong", fields.get("t").key());
        assertEquals("5", fields.get("t").args()[0]);
        assertFalse(fields.containsKey("note"));
    }
}
