package sa.civilaffairs.cc.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import sa.civilaffairs.cc.identity.Mobile;
import sa.civilaffairs.cc.identity.NationalId;

class PersonTest {

    private static final NationalId ID = NationalId.parse("1000000008");
    private static final LocalDate BORN = LocalDate.of(1941, 11, 23);

    private static Person born(LocalDate birthDate) {
        return new Person(ID, "نورة", "Nourah", birthDate, Person.Gender.F, Optional.of(Mobile.parse("0551234567")),
                Person.LifeStatus.ALIVE, Person.Kind.CITIZEN, false);
    }

    @Test
    void ageCountsWholeYearsAndTurnsOnTheBirthday() {
        Person person = born(BORN);
        assertEquals(84, person.ageOn(LocalDate.of(2026, 11, 22)));
        assertEquals(85, person.ageOn(LocalDate.of(2026, 11, 23)));
    }

    @Test
    void toStringShowsNeitherTheIdNorTheNamesNorTheMobile() {
        String shown = born(BORN).toString();
        assertEquals("Person[******0008, CITIZEN, ALIVE]", shown);
        for (String secret : new String[] {"Nourah", "نورة", "1941", "551234567"}) {
            assertFalse(shown.contains(secret), shown);
        }
    }

    @Test
    void requiredFieldsMustBePresentAndNamesDefaultToEmpty() {
        Optional<Mobile> none = Optional.empty();
        assertThrows(IllegalArgumentException.class, () -> new Person(null, "", "", BORN, Person.Gender.F, none,
                Person.LifeStatus.ALIVE, Person.Kind.CITIZEN, false));
        assertThrows(IllegalArgumentException.class, () -> new Person(ID, "", "", null, Person.Gender.F, none,
                Person.LifeStatus.ALIVE, Person.Kind.CITIZEN, false));
        assertThrows(IllegalArgumentException.class, () -> new Person(ID, "", "", BORN, null, none,
                Person.LifeStatus.ALIVE, Person.Kind.CITIZEN, false));
        assertThrows(IllegalArgumentException.class, () -> new Person(ID, "", "", BORN, Person.Gender.F, null,
                Person.LifeStatus.ALIVE, Person.Kind.CITIZEN, false));
        assertThrows(IllegalArgumentException.class, () -> new Person(ID, "", "", BORN, Person.Gender.F, none,
                null, Person.Kind.CITIZEN, false));
        assertThrows(IllegalArgumentException.class, () -> new Person(ID, "", "", BORN, Person.Gender.F, none,
                Person.LifeStatus.ALIVE, null, false));
        Person unnamed = new Person(ID, null, null, BORN, Person.Gender.F, none, Person.LifeStatus.ALIVE,
                Person.Kind.CITIZEN, false);
        assertEquals("", unnamed.nameAr());
        assertEquals("", unnamed.nameEn());
    }
}
