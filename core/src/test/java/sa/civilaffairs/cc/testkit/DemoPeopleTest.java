package sa.civilaffairs.cc.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import sa.civilaffairs.cc.identity.Mobile;
import sa.civilaffairs.cc.identity.NationalId;
import sa.civilaffairs.cc.registry.Person;
import sa.civilaffairs.cc.registry.http.RegistryJson;

/** The demo people in config/registry/demo-people.json are valid and cover the cases the product must handle. */
class DemoPeopleTest {

    // ages are counted on a fixed day so the cover does not drift as years pass
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

    private final List<Person> people = RegistryDouble.demoPeople();

    @Test
    void everyDocumentParsesIntoAValidPerson() throws IOException {
        JsonNode array = RegistryJson.tree(Files.readAllBytes(RegistryDouble.demoPeopleFile()));
        assertTrue(array.isArray());
        assertEquals(array.size(), people.size());
        for (Person person : people) {
            assertTrue(NationalId.isValid(person.nationalId().value()), person.toString());
            assertTrue(person.birthDate().isBefore(TODAY), person.toString());
            assertTrue(!person.nameAr().isBlank() && !person.nameEn().isBlank(), person.toString());
            assertEquals(person.kind() == Person.Kind.RESIDENT, person.nationalId().isResident(), person.toString());
        }
        assertTrue(people.size() >= 10, "about ten demo people: " + people.size());
    }

    @Test
    void idsAndMobilesAreDistinct() {
        Set<NationalId> ids = new HashSet<>();
        Set<Mobile> mobiles = new HashSet<>();
        for (Person person : people) {
            assertTrue(ids.add(person.nationalId()), "duplicate ID " + person);
            person.mobile().ifPresent(m -> assertTrue(mobiles.add(m), "duplicate mobile " + m));
        }
    }

    @Test
    void theUnknownTestIdIsNotADemoPerson() {
        assertTrue(people.stream().noneMatch(p -> p.nationalId().value().equals("1000000008")));
    }

    @Test
    void coversEveryCaseThatMatters() {
        assertCovered("aged 85 or more", p -> p.ageOn(TODAY) >= 85 && p.status() == Person.LifeStatus.ALIVE);
        assertCovered("a registered disability", p -> p.disability() && p.ageOn(TODAY) < 85);
        assertCovered("a patient-age adult neither 85+ nor disabled",
                p -> p.ageOn(TODAY) >= 18 && p.ageOn(TODAY) < 85 && !p.disability() && p.mobile().isPresent());
        assertCovered("a resident with an Iqama", p -> p.kind() == Person.Kind.RESIDENT);
        assertCovered("a deceased person", p -> p.status() == Person.LifeStatus.DECEASED);
        assertCovered("an adult with no mobile", p -> p.mobile().isEmpty() && p.ageOn(TODAY) >= 18);
        assertCovered("a woman", p -> p.gender() == Person.Gender.F);
        assertCovered("a child", p -> p.ageOn(TODAY) < 15);
    }

    private void assertCovered(String what, Predicate<Person> test) {
        assertTrue(people.stream().anyMatch(test), "no demo person is " + what);
    }
}
