package sa.civilaffairs.cc.console.person;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import sa.civilaffairs.cc.identity.Mobile;
import sa.civilaffairs.cc.identity.NationalId;

/**
 * Our own records of a person (appointments, visit requests, tickets, lost reports, SMS), for the person card.
 * Extension point: each case store (core's appointment book, visit requests, tickets...) implements this and the
 * console combines them with {@link #combine}. Implementations are thread-safe and may block (called on a worker).
 */
public interface PersonHistory {

    /** Up to {@code limit} items about {@code person}, newest first. */
    List<HistoryItem> of(NationalId person, int limit);

    /**
     * Up to {@code limit} items about the registry's {@code person}, newest first. Sources keyed by mobile (SMS)
     * override this; the others answer by national ID.
     */
    default List<HistoryItem> of(sa.civilaffairs.cc.registry.Person person, int limit) {
        return of(person.nationalId(), limit);
    }

    /** National IDs our records tie to {@code mobile} (bookings made from it, requests naming it as contact). */
    Set<NationalId> idsByMobile(Mobile mobile);

    /** {@code false} only for the placeholder used until the case stores are connected. */
    default boolean connected() {
        return true;
    }

    /** The placeholder: no stores connected yet; the card says so instead of "no history". */
    static PersonHistory notConnected() {
        return new PersonHistory() {
            @Override
            public List<HistoryItem> of(NationalId person, int limit) {
                return List.of();
            }

            @Override
            public Set<NationalId> idsByMobile(Mobile mobile) {
                return Set.of();
            }

            @Override
            public boolean connected() {
                return false;
            }
        };
    }

    /** All of {@code parts} as one history, merged newest first. */
    static PersonHistory combine(List<PersonHistory> parts) {
        if (parts.isEmpty()) {
            return notConnected();
        }
        List<PersonHistory> all = List.copyOf(parts);
        return new PersonHistory() {
            @Override
            public List<HistoryItem> of(NationalId person, int limit) {
                List<HistoryItem> items = new ArrayList<>();
                for (PersonHistory p : all) {
                    items.addAll(p.of(person, limit));
                }
                items.sort(Comparator.comparing(HistoryItem::at).reversed());
                return items.size() > limit ? List.copyOf(items.subList(0, limit)) : List.copyOf(items);
            }

            @Override
            public List<HistoryItem> of(sa.civilaffairs.cc.registry.Person person, int limit) {
                List<HistoryItem> items = new ArrayList<>();
                for (PersonHistory p : all) {
                    items.addAll(p.of(person, limit));
                }
                items.sort(Comparator.comparing(HistoryItem::at).reversed());
                return items.size() > limit ? List.copyOf(items.subList(0, limit)) : List.copyOf(items);
            }

            @Override
            public Set<NationalId> idsByMobile(Mobile mobile) {
                Set<NationalId> ids = new LinkedHashSet<>();
                for (PersonHistory p : all) {
                    ids.addAll(p.idsByMobile(mobile));
                }
                return ids;
            }
        };
    }
}
