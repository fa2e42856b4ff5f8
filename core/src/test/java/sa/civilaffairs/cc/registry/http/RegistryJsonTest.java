package sa.civilaffairs.cc.registry.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import sa.civilaffairs.cc.identity.Mobile;
import sa.civilaffairs.cc.identity.NationalId;
import sa.civilaffairs.cc.registry.Person;
import sa.civilaffairs.cc.registry.http.RegistryJson.MalformedPersonException;

class RegistryJsonTest {

    private static final String SPEC = "{\"nationalId\":\"1000000008\",\"nameAr\":\"عبدالله\",\"nameEn\":\"Abdullah\","
            + "\"birthDate\":\"1938-05-01\",\"gender\":\"M\",\"mobile\":\"966551234567\",\"status\":\"ALIVE\","
            + "\"kind\":\"CITIZEN\",\"disability\":false}";

    @Test
    void readsTheSpecDocument() {
        assertEquals(new Person(NationalId.parse("1000000008"), "عبدالله", "Abdullah", LocalDate.of(1938, 5, 1),
                Person.Gender.M, Optional.of(new Mobile("966551234567")), Person.LifeStatus.ALIVE,
                Person.Kind.CITIZEN, false), RegistryJson.parse(SPEC));
    }

    @Test
    void formatThenParseGivesThePersonBack() {
        Person withMobile = RegistryJson.parse(SPEC);
        Person without = new Person(NationalId.parse("1000000008"), "", "Someone", LocalDate.of(2017, 8, 12),
                Person.Gender.F, Optional.empty(), Person.LifeStatus.DECEASED, Person.Kind.RESIDENT, true);
        assertEquals(withMobile, RegistryJson.parse(RegistryJson.format(withMobile)));
        assertEquals(without, RegistryJson.parse(RegistryJson.format(without)));
        assertFalse(RegistryJson.format(without).contains("mobile"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
            "\"mobile\":\"0551234567\" | true",
            "\"mobile\":\"+966551234567\" | true",
            "\"mobile\":966551234567 | true",
            "\"mobile\":\"\" | false",
            "\"mobile\":\"   \" | false",
            "\"mobile\":null | false",
            "\"mobile\":\"0112345678\" | false",
            "\"mobile\":\"n/a\" | false",
            "\"mobile\":{\"e164\":\"966551234567\"} | false",
            "\"other\":1 | false"})
    void aMobileIsKeptOnlyWhenItIsASaudiMobile(String field, boolean present) {
        Person person = RegistryJson.parse(SPEC.replace("\"mobile\":\"966551234567\"", field));
        assertEquals(present, person.mobile().isPresent());
        person.mobile().ifPresent(m -> assertEquals("966551234567", m.e164()));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
            "\"disability\":true | true",
            "\"disability\":false | false",
            "\"disability\":\"true\" | true",
            "\"disability\":\"FALSE\" | false",
            "\"disability\":null | false",
            "\"other\":true | false"})
    void disabilityIsABoolean(String field, boolean expected) {
        assertEquals(expected, RegistryJson.parse(SPEC.replace("\"disability\":false", field)).disability());
    }

    @Test
    void enumValuesAreReadWhateverTheirCase() {
        Person person = RegistryJson.parse(SPEC.replace("\"M\"", "\"f\"").replace("\"ALIVE\"", "\"deceased\"")
                .replace("\"CITIZEN\"", "\"Resident\""));
        assertEquals(Person.Gender.F, person.gender());
        assertEquals(Person.LifeStatus.DECEASED, person.status());
        assertEquals(Person.Kind.RESIDENT, person.kind());
    }

    @Test
    void missingNamesAreEmptyAndUnknownFieldsIgnored() {
        Person person = RegistryJson.parse(SPEC.replace("\"nameAr\":\"عبدالله\",\"nameEn\":\"Abdullah\",",
                "\"nameEn\":null,\"extra\":{\"a\":[1,2]},"));
        assertEquals("", person.nameAr());
        assertEquals("", person.nameEn());
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
            "\"nationalId\":\"1000000008\", | nationalId: missing",
            "\"nationalId\":\"1000000008\" | nationalId: ******0009",
            "\"birthDate\":\"1938-05-01\", | birthDate: missing",
            "\"1938-05-01\" | birthDate: not a date",
            "\"gender\":\"M\", | gender: missing",
            "\"ALIVE\" | status: ALIVE-ish",
            "\"CITIZEN\" | kind: ",
            "\"disability\":false | disability: "})
    void refusesAMissingOrWrongRequiredField(String replaced, String messageStart) {
        String replacement = switch (replaced) {
            case "\"nationalId\":\"1000000008\"" -> "\"nationalId\":\"1000000009\"";
            case "\"1938-05-01\"" -> "\"01-05-1938\"";
            case "\"ALIVE\"" -> "\"ALIVE-ish\"";
            case "\"CITIZEN\"" -> "\"VISITOR\"";
            case "\"disability\":false" -> "\"disability\":\"yes\"";
            default -> "";
        };
        MalformedPersonException e = assertThrows(MalformedPersonException.class,
                () -> RegistryJson.parse(SPEC.replace(replaced, replacement)));
        assertTrue(e.getMessage().startsWith(messageStart), e.getMessage());
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"", "   ", "{", "<html></html>", "null", "[]", "42", "\"text\"",
            "{\"nationalId\":\"1000000008\",\"nationalId\":\"1000000008\"}"})
    void refusesWhatIsNotOnePersonObject(String body) {
        assertThrows(MalformedPersonException.class, () -> RegistryJson.parse(body));
    }

    @Test
    void messagesHoldNeitherTheWholeIdNorTheBirthDateNorNames() {
        String[] bodies = {
                SPEC.replace("1000000008", "1000000009"),
                SPEC.replace("1938-05-01", "1938-13-01"),
                SPEC.replace("\"M\"", "\"عبدالله\"")};
        for (String body : bodies) {
            String message = assertThrows(MalformedPersonException.class, () -> RegistryJson.parse(body)).getMessage();
            assertFalse(message.contains("100000000"), message);
            assertFalse(message.contains("1938"), message);
        }
    }
}
