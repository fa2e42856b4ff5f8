package sa.civilaffairs.cc.visit;

import java.time.LocalDate;
import sa.civilaffairs.cc.registry.Person;
import sa.civilaffairs.cc.visit.VisitAssessment.Accepted;
import sa.civilaffairs.cc.visit.VisitAssessment.Refused;
import sa.civilaffairs.cc.visit.VisitAssessment.RefusalReason;

/**
 * Taqdeer eligibility from the civil registry's record (PRODUCT.md, "The civil registry"): 85 or older on the
 * registry's birth date, or a registered disability, is eligible at once; anyone else (patients) is accepted to be
 * reviewed; a deceased beneficiary is refused. {@code today} is the Riyadh date ({@code RiyadhTime.today(clock)}).
 * Pure functions.
 */
public final class VisitEligibility {
    public static final int AGE = 85;

    private VisitEligibility() {
    }

    /** Assesses the beneficiary and picks the category the registry supports (age first, then disability). */
    public static VisitAssessment assess(Person beneficiary, LocalDate today) {
        if (beneficiary.status() == Person.LifeStatus.DECEASED) {
            return new Refused(RefusalReason.DECEASED);
        }
        if (beneficiary.ageOn(today) >= AGE) {
            return new Accepted(Eligibility.ELIGIBLE, VisitCategory.AGE_85_PLUS);
        }
        if (beneficiary.disability()) {
            return new Accepted(Eligibility.ELIGIBLE, VisitCategory.DISABILITY);
        }
        return new Accepted(Eligibility.TO_REVIEW, VisitCategory.PATIENT);
    }

    /**
     * Assesses the category the requester claimed. A claimed disability the registry does not hold is reviewed (the
     * registry may lag behind a medical report); a claimed age the birth date contradicts is refused.
     */
    public static VisitAssessment assess(Person beneficiary, VisitCategory claimed, LocalDate today) {
        if (beneficiary.status() == Person.LifeStatus.DECEASED) {
            return new Refused(RefusalReason.DECEASED);
        }
        boolean aged = beneficiary.ageOn(today) >= AGE;
        return switch (claimed) {
            case AGE_85_PLUS -> aged ? new Accepted(Eligibility.ELIGIBLE, claimed)
                    : beneficiary.disability() ? new Accepted(Eligibility.ELIGIBLE, VisitCategory.DISABILITY)
                    : new Refused(RefusalReason.UNDER_85);
            case DISABILITY -> new Accepted(aged || beneficiary.disability() ? Eligibility.ELIGIBLE
                    : Eligibility.TO_REVIEW, claimed);
            case PATIENT -> new Accepted(aged || beneficiary.disability() ? Eligibility.ELIGIBLE
                    : Eligibility.TO_REVIEW, claimed);
        };
    }
}
