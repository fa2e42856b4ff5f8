package sa.civilaffairs.cc.console.tickets;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import sa.civilaffairs.cc.console.person.HistoryItem;
import sa.civilaffairs.cc.console.person.PersonHistory;
import sa.civilaffairs.cc.feedback.Ticket;
import sa.civilaffairs.cc.feedback.Tickets;
import sa.civilaffairs.cc.identity.Mobile;
import sa.civilaffairs.cc.identity.NationalId;
import sa.civilaffairs.cc.lost.LostReport;
import sa.civilaffairs.cc.lost.LostReports;
import sa.civilaffairs.cc.text.Language;

/** The person card's Tahseen tickets and lost-document reports. */
public final class CaseHistory implements PersonHistory {
    private final Tickets tickets;
    private final LostReports lost;

    public CaseHistory(Tickets tickets, LostReports lost) {
        this.tickets = tickets;
        this.lost = lost;
    }

    @Override
    public List<HistoryItem> of(NationalId person, int limit) {
        List<HistoryItem> items = new ArrayList<>();
        for (Ticket t : tickets.of(person).stream().limit(limit).toList()) {
            items.add(new HistoryItem(HistoryItem.Kind.TICKET, Optional.of(t.reference()), t.status().name(),
                    t.createdAt(), t.kind() + " · " + t.region().name(Language.AR)));
        }
        for (LostReport r : lost.of(person).stream().limit(limit).toList()) {
            items.add(new HistoryItem(HistoryItem.Kind.LOST_REPORT, Optional.of(r.reference()), r.status().name(),
                    r.createdAt(), r.document().name()));
        }
        return items;
    }

    @Override
    public Set<NationalId> idsByMobile(Mobile mobile) {
        Set<NationalId> ids = new TreeSet<>(java.util.Comparator.comparing(NationalId::value));
        ids.addAll(tickets.byMobile(mobile).stream().flatMap(t -> t.person().stream()).collect(Collectors.toSet()));
        lost.byMobile(mobile).forEach(r -> ids.add(r.person()));
        return ids;
    }
}
