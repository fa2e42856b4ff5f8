package sa.civilaffairs.cc.visit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import sa.civilaffairs.cc.calendar.RiyadhTime;
import sa.civilaffairs.cc.identity.NationalId;
import sa.civilaffairs.cc.registry.Person;
import sa.civilaffairs.cc.visit.VisitAssessment.Accepted;
import sa.civilaffairs.cc.visit.VisitAssessment.Refused;
import sa.civilaffairs.cc.visit.VisitAssessment.RefusalReason;

class VisitEligibilityTest {
    /** 00:30 in Riyadh on 1 May 2026 is still 30 April in UTC: the Riyadh date is the one that counts. */
    static final Clock CLOCK = RiyadhTime.fixedAt(LocalDateTime.of(2026, 5, 1, 0, 30));
    static final LocalDate TODAY = RiyadhTime.today(CLOCK);

    static Person born(LocalDate birthDate, boolean disability, Person.LifeStatus status) {
        return new Person(new NationalId("1000000016"), "", "", birthDate, Person.Gender.M, Optional.empty(), status,
                Person.Kind.CITIZEN, disability);
    }

    @Test
    void eightyFiveOnTheBirthdayItselfIsEligible() {
        assertEquals(LocalDate.of(2026, 5, 1), TODAY);
        assertEquals(new Accepted(Eligibility.ELIGIBLE, VisitCategory.AGE_85_PLUS),
                VisitEligibility.assess(born(LocalDate.of(1941, 5, 1), false, Person.LifeStatus.ALIVE), TODAY));
    }

    @Test
    void theDayBeforeTheEightyFifthBirthdayIsReviewed() {
        assertEquals(new Accepted(Eligibility.TO_REVIEW, VisitCategory.PATIENT),
                VisitEligibility.assess(born(LocalDate.of(1941, 5, 2), false, Person.LifeStatus.ALIVE), TODAY));
    }

    @Test
    void aRegisteredDisabilityIsEligibleAtAnyAge() {
        assertEquals(new Accepted(Eligibility.ELIGIBLE, VisitCategory.DISABILITY),
                VisitEligibility.assess(born(LocalDate.of(1990, 1, 1), true, Person.LifeStatus.ALIVE), TODAY));
    }

    @Test
    void aDeceasedBeneficiaryIsRefusedWhateverTheAge() {
        assertEquals(new Refused(RefusalReason.DECEASED),
                VisitEligibility.assess(born(LocalDate.of(1930, 1, 1), true, Person.LifeStatus.DECEASED), TODAY));
        assertEquals(new Refused(RefusalReason.DECEASED), VisitEligibility.assess(
                born(LocalDate.of(1930, 1, 1), false, Person.LifeStatus.DECEASED), VisitCategory.PATIENT, TODAY));
    }

    @Test
    void aClaimedAgeTheBirthDateContradictsIsRefusedUnlessDisabled() {
        Person young = born(LocalDate.of(1950, 1, 1), false, Person.LifeStatus.ALIVE);
        Person youngDisabled = born(LocalDate.of(1950, 1, 1), true, Person.LifeStatus.ALIVE);

        assertEquals(new Refused(RefusalReason.UNDER_85),
                VisitEligibility.assess(young, VisitCategory.AGE_85_PLUS, TODAY));
        assertEquals("visit.refused.under85", RefusalReason.UNDER_85.templateId());
        assertEquals(new Accepted(Eligibility.ELIGIBLE, VisitCategory.DISABILITY),
                VisitEligibility.assess(youngDisabled, VisitCategory.AGE_85_PLUS, TODAY));
    }

    @Test
    void aClaimedDisabilityOrIllnessIsReviewedUnlessTheRegistryAlreadyMakesItEligible() {
        Person young = born(LocalDate.of(1980, 1, 1), false, Person.LifeStatus.ALIVE);
        Person old = born(LocalDate.of(1930, 1, 1), false, Person.LifeStatus.ALIVE);

        assertEquals(new Accepted(Eligibility.TO_REVIEW, VisitCategory.DISABILITY),
                VisitEligibility.assess(young, VisitCategory.DISABILITY, TODAY));
        assertEquals(new Accepted(Eligibility.TO_REVIEW, VisitCategory.PATIENT),
                VisitEligibility.assess(young, VisitCategory.PATIENT, TODAY));
        assertEquals(new Accepted(Eligibility.ELIGIBLE, VisitCategory.PATIENT),
                VisitEligibility.assess(old, VisitCategory.PATIENT, TODAY));
    }
}
