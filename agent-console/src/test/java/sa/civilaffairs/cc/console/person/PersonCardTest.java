package sa.civilaffairs.cc.console.person;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import sa.civilaffairs.cc.console.auth.Role;
import sa.civilaffairs.cc.identity.Mobile;
import sa.civilaffairs.cc.identity.NationalId;
import sa.civilaffairs.cc.registry.Person;

class PersonCardTest {
    static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

    static Person person(LocalDate born, boolean disability, Optional<Mobile> mobile) {
        return new Person(new NationalId("1" + "00000000" + NationalId.luhnCheckDigit("100000000")), "اسم", "Name",
                born, Person.Gender.F, mobile, Person.LifeStatus.ALIVE, Person.Kind.CITIZEN, disability);
    }

    @Test
    void agentsSeeTheAgeAndAMaskedMobile() {
        PersonCard c = PersonCard.of(person(LocalDate.of(1950, 1, 1), false, Mobile.tryParse("0512345678")),
                Role.AGENT, TODAY, false, List.of());
        assertEquals(76, c.age());
        assertTrue(c.birthDate().isEmpty());
        assertEquals(Optional.of("********5678"), c.mobile());
        assertTrue(c.mobileMasked());
        assertFalse(c.taqdeerEligible());
    }

    @Test
    void supervisorsAndAdminsSeeEverything() {
        for (Role r : List.of(Role.SUPERVISOR, Role.ADMIN)) {
            PersonCard c = PersonCard.of(person(LocalDate.of(1950, 1, 1), false, Mobile.tryParse("0512345678")),
                    r, TODAY, true, List.of());
            assertEquals(Optional.of(LocalDate.of(1950, 1, 1)), c.birthDate());
            assertEquals(Optional.of("0512345678"), c.mobile());
            assertFalse(c.mobileMasked());
        }
    }

    @Test
    void taqdeerEligibilityIs85OnTheBirthDateOrADisability() {
        assertTrue(PersonCard.of(person(LocalDate.of(1941, 11, 22), false, Optional.empty()), Role.AGENT, TODAY,
                false, List.of()).taqdeerEligible());
        assertFalse(PersonCard.of(person(LocalDate.of(1941, 11, 23), false, Optional.empty()), Role.AGENT, TODAY,
                false, List.of()).taqdeerEligible());
        assertTrue(PersonCard.of(person(LocalDate.of(1990, 1, 1), true, Optional.empty()), Role.AGENT, TODAY,
                false, List.of()).taqdeerEligible());
    }

    @Test
    void noMobileIsNotMasked() {
        PersonCard c = PersonCard.of(person(LocalDate.of(1990, 1, 1), false, Optional.empty()), Role.AGENT, TODAY,
                false, List.of());
        assertTrue(c.mobile().isEmpty());
        assertFalse(c.mobileMasked());
    }
}
