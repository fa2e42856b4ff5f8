package sa.civilaffairs.cc.visit;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import sa.civilaffairs.cc.cases.CaseStep;
import sa.civilaffairs.cc.cases.IllegalTransitionException;
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
 * set from the first {@link VisitStatus#SCHEDULED} step on. Personal data: {@link #toString()} leaves out IDs, mobile,
 * address and notes.
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
        history = CaseStep.requireHistory(status, history);
    }

    /** A request just filed: status {@link VisitStatus#SUBMITTED}, one step. */
    public static VisitRequest submitted(Reference reference, NewVisitRequest r, Instant at) {
        return new VisitRequest(reference, r.beneficiary(), r.requester(), r.contact(), r.category(), r.placeType(),
                r.region(), r.city(), r.address(), r.eligibility(), VisitStatus.SUBMITTED,
                List.of(new CaseStep<>(VisitStatus.SUBMITTED, at, r.by(), "")), Optional.empty(), r.channel(),
                r.language(), at);
    }

    /**
     * This request moved to {@code to}. {@link VisitStatus#SCHEDULED} needs a {@code schedule}, which replaces the
     * previous one; {@link VisitStatus#DECLINED} needs a {@code note}, the reason. Pure.
     *
     * @throws IllegalTransitionException when the state machine does not allow it or what it needs is missing
     */
    public VisitRequest moveTo(VisitStatus to, Instant at, String by, String note,
                               Optional<VisitSchedule> newSchedule) {
        if (to == VisitStatus.SCHEDULED && newSchedule.isEmpty()) {
            throw new IllegalTransitionException(reference, status, to, "a schedule (date, window, team) is needed");
        }
        if (to == VisitStatus.DECLINED && (note == null || note.isBlank())) {
            throw new IllegalTransitionException(reference, status, to, "a reason is needed");
        }
        List<CaseStep<VisitStatus>> next = CaseStep.append(reference, history, to, at, by, note);
        Optional<VisitSchedule> kept = to == VisitStatus.SCHEDULED ? newSchedule : schedule;
        return new VisitRequest(reference, beneficiary, requester, contact, category, placeType, region, city,
                address, eligibility, to, next, kept, channel, language, createdAt);
    }

    /** {@code true} when {@code person} is the beneficiary or the requester. */
    public boolean concerns(NationalId person) {
        return beneficiary.equals(person) || requester.filter(person::equals).isPresent();
    }

    /** For logs: reference, status and routing only; no IDs, mobile or address. */
    @Override
    public String toString() {
        return "VisitRequest[" + reference + ", " + status + ", " + region + ", " + category + ", " + eligibility
                + "]";
    }
}
