package sa.civilaffairs.cc.visit;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import sa.civilaffairs.cc.cases.CaseStep;
import sa.civilaffairs.cc.channel.Channel;
import sa.civilaffairs.cc.identity.Mobile;
import sa.civilaffairs.cc.identity.NationalId;
import sa.civilaffairs.cc.office.Region;
import sa.civilaffairs.cc.reference.Reference;
import sa.civilaffairs.cc.text.Language;

/**
 * A Taqdeer home-visit request. {@code beneficiary} is the person visited; {@code requester} the person who asked on
 * their behalf (empty when the beneficiary asked); {@code contact} the mobile that every step's SMS goes to, in
 * {@code language}. {@code history} is oldest first, its last step's status is {@code status}; {@code schedule} is
 * set from the first {@link VisitStatus#SCHEDULED} step on. Personal data: {@link #toString()} masks IDs and mobile
 * (records' own {@code toString} calls theirs) but prints the address; do not log whole requests.
 */
public record VisitRequest(Reference reference, NationalId beneficiary, Optional<NationalId> requester,
                           Mobile contact, VisitCategory category, PlaceType placeType, Region region, String city,
                           String address, Eligibility eligibility, VisitStatus status,
                           List<CaseStep<VisitStatus>> history, Optional<VisitSchedule> schedule, Channel channel,
                           Language language, Instant createdAt) {
    public VisitRequest {
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(beneficiary, "beneficiary");
        Objects.requireNonNull(requester, "requester");
        Objects.requireNonNull(contact, "contact");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(placeType, "placeType");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(eligibility, "eligibility");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(createdAt, "createdAt");
        city = city == null ? "" : city;
        address = address == null ? "" : address;
        history = List.copyOf(history);
    }

    /** {@code true} when {@code person} is the beneficiary or the requester. */
    public boolean concerns(NationalId person) {
        return beneficiary.equals(person) || requester.filter(person::equals).isPresent();
    }
}
