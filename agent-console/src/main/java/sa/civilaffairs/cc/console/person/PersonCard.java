package sa.civilaffairs.cc.console.person;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import sa.civilaffairs.cc.console.auth.Role;
import sa.civilaffairs.cc.registry.Person;

/**
 * What the console shows of a person, already reduced to what the viewer's role needs: an agent sees the age but not
 * the birth date, and the mobile masked (last four digits) until they reveal it, which is audited; supervisors and
 * admins see both in full.
 *
 * @param mobile          the mobile as shown: masked ({@code ********1234}) when {@code mobileMasked}
 * @param taqdeerEligible 85 or older, or a registered disability (spec: eligible at once for a home visit)
 * @param historyConnected {@code false} while the case stores are not connected (the history is a placeholder)
 */
public record PersonCard(String nationalId, String nameAr, String nameEn, int age, Optional<LocalDate> birthDate,
                         Person.Gender gender, Person.LifeStatus status, Person.Kind kind, boolean disability,
                         Optional<String> mobile, boolean mobileMasked, boolean taqdeerEligible,
                         boolean historyConnected, List<HistoryItem> history) {

    public static final int TAQDEER_AGE = 85;

    public PersonCard {
        history = List.copyOf(history);
    }

    public static PersonCard of(Person p, Role viewer, LocalDate today, boolean historyConnected,
                                List<HistoryItem> history) {
        boolean full = viewer.includes(Role.SUPERVISOR);
        int age = p.ageOn(today);
        return new PersonCard(p.nationalId().value(), p.nameAr(), p.nameEn(), age,
                full ? Optional.of(p.birthDate()) : Optional.empty(), p.gender(), p.status(), p.kind(), p.disability(),
                p.mobile().map(m -> full ? m.local() : m.masked()), !full && p.mobile().isPresent(),
                age >= TAQDEER_AGE || p.disability(), historyConnected, history);
    }
}
