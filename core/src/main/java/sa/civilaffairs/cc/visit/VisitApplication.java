package sa.civilaffairs.cc.visit;

import java.util.Objects;
import java.util.Optional;
import sa.civilaffairs.cc.channel.Channel;
import sa.civilaffairs.cc.identity.Mobile;
import sa.civilaffairs.cc.identity.NationalId;
import sa.civilaffairs.cc.office.Region;
import sa.civilaffairs.cc.text.Language;

/**
 * What a caller or agent asked for, before the registry is consulted: like {@link NewVisitRequest} without the
 * eligibility, and with the category as claimed (empty: let the registry decide, see {@link VisitEligibility}).
 */
public record VisitApplication(NationalId beneficiary, Optional<NationalId> requester, Mobile contact,
                               Optional<VisitCategory> claimed, PlaceType placeType, Region region, String city,
                               String address, Channel channel, Language language, String by) {
    public VisitApplication {
        Objects.requireNonNull(beneficiary, "beneficiary");
        Objects.requireNonNull(requester, "requester (expected: Optional.empty() when the beneficiary asks)");
        Objects.requireNonNull(contact, "contact");
        Objects.requireNonNull(claimed, "claimed (expected: Optional.empty() to take the registry's)");
        Objects.requireNonNull(placeType, "placeType");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(language, "language");
    }

    /** The request to file with the assessed eligibility and category. */
    public NewVisitRequest accepted(VisitAssessment.Accepted assessment) {
        return new NewVisitRequest(beneficiary, requester, contact, assessment.category(), placeType, region, city,
                address, assessment.eligibility(), channel, language, by);
    }
}
