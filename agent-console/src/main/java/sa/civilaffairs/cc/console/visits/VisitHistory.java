package sa.civilaffairs.cc.console.visits;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import sa.civilaffairs.cc.console.person.HistoryItem;
import sa.civilaffairs.cc.console.person.PersonHistory;
import sa.civilaffairs.cc.identity.Mobile;
import sa.civilaffairs.cc.identity.NationalId;
import sa.civilaffairs.cc.text.Language;
import sa.civilaffairs.cc.visit.VisitRequest;
import sa.civilaffairs.cc.visit.VisitRequests;

/** The person card's Taqdeer requests (as beneficiary or requester), and the IDs a contact mobile ties to. */
public final class VisitHistory implements PersonHistory {
    private final VisitRequests requests;

    public VisitHistory(VisitRequests requests) {
        this.requests = requests;
    }

    @Override
    public List<HistoryItem> of(NationalId person, int limit) {
        return requests.of(person).stream().limit(limit).map(r -> new HistoryItem(HistoryItem.Kind.VISIT_REQUEST,
                Optional.of(r.reference()), r.status().name(), r.createdAt(),
                r.category() + " · " + r.region().name(Language.AR) + " · " + r.city())).toList();
    }

    @Override
    public Set<NationalId> idsByMobile(Mobile mobile) {
        return requests.byMobile(mobile).stream().map(VisitRequest::beneficiary).collect(Collectors.toSet());
    }
}
