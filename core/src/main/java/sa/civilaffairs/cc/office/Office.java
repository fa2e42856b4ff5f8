package sa.civilaffairs.cc.office;

import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import sa.civilaffairs.cc.text.Language;

/**
 * A civil-affairs office: where it is, its men's and (at most offices) women's sections, and its one-off closures.
 */
public record Office(OfficeId id, Region region, Bilingual name, Bilingual city, Map<Section, SectionPlan> sections,
                     List<Closure> closures) {

    public Office {
        if (id == null || region == null || name == null || city == null || sections == null || closures == null) {
            throw new IllegalArgumentException("office: id, region, name, city, sections and closures are all required");
        }
        if (sections.isEmpty()) {
            throw new IllegalArgumentException("office " + id + " has no section (expected: MEN and/or WOMEN)");
        }
        EnumMap<Section, SectionPlan> copy = new EnumMap<>(Section.class);
        sections.forEach((section, plan) -> {
            if (plan == null || plan.section() != section) {
                throw new IllegalArgumentException("section " + section + " maps to the plan of "
                        + (plan == null ? null : plan.section()) + " (expected: its own plan)");
            }
            copy.put(section, plan);
        });
        sections = Collections.unmodifiableMap(copy);
        closures = List.copyOf(closures);
        for (Closure closure : closures) {
            checkClosure(sections.keySet(), closure);
        }
    }

    static void checkClosure(Set<Section> sections, Closure closure) {
        for (Section section : closure.sections()) {
            if (!sections.contains(section)) {
                throw new IllegalArgumentException("closure of the " + section
                        + " section, which this office does not have (expected: one of " + sections + ")");
            }
        }
    }

    public String name(Language language) {
        return name.in(language);
    }

    public String city(Language language) {
        return city.in(language);
    }

    public Optional<SectionPlan> section(Section section) {
        return Optional.ofNullable(sections.get(section));
    }

    /** Whether any section of this office offers {@code service}. */
    public boolean offers(CivilService service) {
        return sections.values().stream().anyMatch(plan -> plan.offers(service));
    }

    /** The sections that offer {@code service}, MEN before WOMEN. */
    public List<Section> sectionsOffering(CivilService service) {
        return sections.values().stream().filter(plan -> plan.offers(service)).map(SectionPlan::section).toList();
    }

    /** The closure that shuts {@code section} on {@code date}, if any (the first listed when several do). */
    public Optional<Closure> closure(LocalDate date, Section section) {
        return closures.stream().filter(c -> c.covers(date, section)).findFirst();
    }
}
