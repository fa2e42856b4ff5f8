package sa.civilaffairs.cc.visit;

import java.util.Objects;

/** What {@link VisitEligibility} decided about a beneficiary. */
public sealed interface VisitAssessment {

    /** A request may be filed with this eligibility and category. */
    record Accepted(Eligibility eligibility, VisitCategory category) implements VisitAssessment {
        public Accepted {
            Objects.requireNonNull(eligibility, "eligibility");
            Objects.requireNonNull(category, "category");
        }
    }

    /** No request may be filed; the channel tells the requester {@code reason} (template {@code visit.refused.*}). */
    record Refused(RefusalReason reason) implements VisitAssessment {
        public Refused {
            Objects.requireNonNull(reason, "reason");
        }
    }

    enum RefusalReason {
        /** The registry records the beneficiary as deceased. */
        DECEASED,
        /** {@link VisitCategory#AGE_85_PLUS} was claimed for a beneficiary under 85 without a registered disability. */
        UNDER_85;

        /** The template id of the message that explains the refusal: {@code visit.refused.deceased}. */
        public String templateId() {
            return "visit.refused." + name().toLowerCase(java.util.Locale.ROOT).replace("_", "");
        }
    }
}
