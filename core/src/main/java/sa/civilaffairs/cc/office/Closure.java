package sa.civilaffairs.cc.office;

import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/** A one-off closure of an office (or some of its sections) from {@code from} to {@code to}, both inclusive. */
public record Closure(LocalDate from, LocalDate to, Set<Section> sections, Bilingual reason) {

    public Closure {
        if (from == null || to == null || sections == null || reason == null) {
            throw new IllegalArgumentException("closure: from, to, sections and reason are all required");
        }
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("closure from " + from + " to " + to + " (expected: to on or after from)");
        }
        if (sections.isEmpty()) {
            throw new IllegalArgumentException("closure of no section (expected: at least one section)");
        }
        sections = Collections.unmodifiableSet(EnumSet.copyOf(sections));
    }

    /** A closure of every section of the office. */
    public static Closure wholeOffice(LocalDate from, LocalDate to, Bilingual reason) {
        return new Closure(from, to, EnumSet.allOf(Section.class), reason);
    }

    public boolean covers(LocalDate date, Section section) {
        return !date.isBefore(from) && !date.isAfter(to) && sections.contains(section);
    }
}
