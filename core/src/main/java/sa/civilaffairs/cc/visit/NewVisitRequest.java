package sa.civilaffairs.cc.visit;

import java.util.Objects;
import java.util.Optional;
import sa.civilaffairs.cc.channel.Channel;
import sa.civilaffairs.cc.identity.Mobile;
import sa.civilaffairs.cc.identity.NationalId;
import sa.civilaffairs.cc.office.Region;
import sa.civilaffairs.cc.text.Language;

/**
 * What a channel collected for a new visit request. {@code eligibility} comes from
 * {@link VisitEligibility#assess} on the registry's answer ({@code OVERRIDDEN} only from the console);
 * {@code by} is who submits it (an agent's login, {@code sms}, {@code ivr}).
 */
public record NewVisitRequest(NationalId beneficiary, Optional<NationalId> requester, Mobile contact,
                              VisitCategory category, PlaceType placeType, Region region, String city,
                              String address, Eligibility eligibility, Channel channel, Language language,
                              String by) {
    public static final int MAX_CITY = 60;
    public static final int MAX_ADDRESS = 300;

    public NewVisitRequest {
        Objects.requireNonNull(beneficiary, "beneficiary");
        Objects.requireNonNull(requester, "requester (expected: Optional.empty() when the beneficiary asks)");
        Objects.requireNonNull(contact, "contact");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(placeType, "placeType");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(eligibility, "eligibility");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(language, "language");
        city = city == null ? "" : city.strip();
        address = address == null ? "" : address.strip();
        if (city.length() > MAX_CITY) {
            throw new IllegalArgumentException("visit.city: " + city.length() + " characters (expected: at most "
                    + MAX_CITY + ")");
        }
        if (address.length() > MAX_ADDRESS) {
            throw new IllegalArgumentException("visit.address: " + address.length()
                    + " characters (expected: at most " + MAX_ADDRESS + ")");
        }
        if (by == null || by.isBlank()) {
            throw new IllegalArgumentException("visit.by: empty (expected: an agent login, sms or ivr)");
        }
        requester = requester.filter(r -> !r.equals(beneficiary));
    }
}
