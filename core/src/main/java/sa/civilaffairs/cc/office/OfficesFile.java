package sa.civilaffairs.cc.office;

import java.time.DayOfWeek;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import sa.civilaffairs.cc.office.LocatedYaml.Entry;
import sa.civilaffairs.cc.office.LocatedYaml.Mapping;
import sa.civilaffairs.cc.office.LocatedYaml.Node;

/**
 * Reads {@code offices.yaml}: shared working {@code plans}, shared service {@code menus}, and the {@code offices}.
 * The file's header comment is the operator's description of the format; this class enforces it, failing at the
 * line of the first entry that breaks a rule.
 */
final class OfficesFile {

    /** A service offer and the line it was written on, in a menu or in a section. */
    private record Offer(ServiceOffer offer, int line, String origin) {
    }

    private final YamlFields yaml;
    private final Map<String, WorkingWeek> plans = new LinkedHashMap<>();
    private final Map<String, Map<CivilService, Offer>> menus = new LinkedHashMap<>();

    OfficesFile(String file) {
        this.yaml = new YamlFields(file);
    }

    List<Office> read(Node root) {
        Mapping top = yaml.mapping(root, "", "a mapping with plans, menus and offices");
        yaml.allowOnly(top, "", "plans", "menus", "offices");
        yaml.optional(top, "plans").ifPresent(node -> {
            for (Entry plan : yaml.mapping(node, "plans", "named plans").entries()) {
                plans.put(plan.key(), plan(plan.value(), "plan " + plan.key()));
            }
        });
        yaml.optional(top, "menus").ifPresent(node -> {
            for (Entry menu : yaml.mapping(node, "menus", "named menus").entries()) {
                menus.put(menu.key(), services(menu.value(), "menu " + menu.key(), " (from menu " + menu.key() + ")"));
            }
        });
        Entry officesEntry = top.get("offices").orElseThrow(() -> yaml.fail(top.line(), "", "'offices' is missing"));
        List<Office> offices = new ArrayList<>();
        Map<OfficeId, Integer> seen = new HashMap<>();
        for (Node node : yaml.items(officesEntry.value(), "offices")) {
            Office office = office(node);
            Integer earlier = seen.putIfAbsent(office.id(), node.line());
            if (earlier != null) {
                throw yaml.fail(node.line(), "office " + office.id(), "id given twice (first at line " + earlier
                        + "; expected: unique office ids)");
            }
            offices.add(office);
        }
        for (Region region : Region.values()) {
            if (offices.stream().noneMatch(o -> o.region() == region)) {
                throw yaml.fail(officesEntry.line(), "offices", "no office in region " + region
                        + " (expected: at least one office in each of the 13 regions)");
            }
        }
        return offices;
    }

    private WorkingWeek plan(Node node, String where) {
        Mapping m = yaml.mapping(node, where, "hours and breaks");
        yaml.allowOnly(m, where, "hours", "breaks");
        return week(m, where);
    }

    /** Reads {@code hours:} and {@code breaks:} from {@code m}, checking each entry where it is written. */
    private WorkingWeek week(Mapping m, String where) {
        Mapping hoursNode = yaml.mapping(yaml.require(m, "hours", where), where,
                "days with time ranges, e.g. SUNDAY-THURSDAY: [07:30-14:30]");
        Map<DayOfWeek, List<TimeRange>> hours = new EnumMap<>(DayOfWeek.class);
        for (Entry day : hoursNode.entries()) {
            List<TimeRange> ranges = ranges(day.value(), where + " " + day.key());
            for (DayOfWeek d : days(day, where)) {
                if (hours.containsKey(d)) {
                    throw yaml.fail(day.line(), where, d + " given twice (expected: each day once)");
                }
                yaml.check(day.line(), where, () -> WorkingWeek.checkDay(d, ranges));
                hours.put(d, ranges);
            }
        }
        Optional<Node> breaksNode = yaml.optional(m, "breaks");
        List<Node> breakNodes = breaksNode.map(node -> yaml.items(node, where)).orElse(List.of());
        List<TimeRange> breaks = breaksNode.map(node -> ranges(node, where + " breaks")).orElse(List.of());
        // Each break is checked against the hours at its own line, so the error points at the break to fix.
        for (int i = 0; i < breaks.size(); i++) {
            TimeRange pause = breaks.get(i);
            yaml.check(breakNodes.get(i).line(), where, () -> WorkingWeek.checkBreak(hours, pause));
        }
        return yaml.at(m.line(), where, () -> new WorkingWeek(hours, breaks));
    }

    /** A list of time ranges in order, e.g. {@code [07:30-14:30, 16:00-21:00]}, or one range. */
    private List<TimeRange> ranges(Node node, String where) {
        List<TimeRange> ranges = new ArrayList<>();
        for (Node item : yaml.items(node, where)) {
            TimeRange range = yaml.at(item.line(), where, () -> TimeRange.parse(yaml.text(item, where)));
            if (!ranges.isEmpty()) {
                TimeRange previous = ranges.get(ranges.size() - 1);
                yaml.check(item.line(), "", () -> WorkingWeek.checkOrder(where, previous, range));
            }
            ranges.add(range);
        }
        return ranges;
    }

    /** A day key: one day ({@code SATURDAY}) or a range in week order, Sunday first ({@code SUNDAY-THURSDAY}). */
    private List<DayOfWeek> days(Entry entry, String where) {
        String[] ends = entry.key().split("-", -1);
        if (ends.length > 2) {
            throw yaml.fail(entry.line(), where, "days '" + entry.key() + "' (expected: DAY or DAY-DAY)");
        }
        DayOfWeek first = yaml.constant(DayOfWeek.class, ends[0], entry.line(), where, "day");
        DayOfWeek last = ends.length == 1 ? first : yaml.constant(DayOfWeek.class, ends[1], entry.line(), where, "day");
        if (sundayFirst(last) < sundayFirst(first)) {
            throw yaml.fail(entry.line(), where, "days '" + entry.key()
                    + "' (expected: in week order, Sunday first, e.g. SUNDAY-THURSDAY)");
        }
        List<DayOfWeek> days = new ArrayList<>();
        for (int i = sundayFirst(first); i <= sundayFirst(last); i++) {
            days.add(DayOfWeek.SUNDAY.plus(i));
        }
        if (days.contains(DayOfWeek.FRIDAY)) {
            throw yaml.fail(entry.line(), where, "days '" + entry.key()
                    + "' include FRIDAY (expected: no office opens on Friday)");
        }
        return days;
    }

    private static int sundayFirst(DayOfWeek day) {
        return day.getValue() % 7;
    }

    /** A mapping of service name to {@code { slot-minutes: N, capacity: N }}. */
    private Map<CivilService, Offer> services(Node node, String where, String origin) {
        Mapping m = yaml.mapping(node, where, "services, e.g. ID_RENEWAL: { slot-minutes: 15, capacity: 2 }");
        Map<CivilService, Offer> offers = new LinkedHashMap<>();
        for (Entry entry : m.entries()) {
            CivilService service = yaml.constant(CivilService.class, entry.key(), entry.line(), where, "service");
            String at = where + " service " + service;
            Mapping fields = yaml.mapping(entry.value(), at, "{ slot-minutes: N, capacity: N }");
            yaml.allowOnly(fields, at, "slot-minutes", "capacity");
            Node slotNode = yaml.require(fields, "slot-minutes", at);
            Node capacityNode = yaml.require(fields, "capacity", at);
            Duration slot = Duration.ofMinutes(yaml.integer(slotNode, at, "slot-minutes"));
            int capacity = yaml.integer(capacityNode, at, "capacity");
            yaml.check(slotNode.line(), at, () -> ServiceOffer.checkSlotLength(slot));
            yaml.check(capacityNode.line(), at, () -> ServiceOffer.checkCapacity(capacity));
            ServiceOffer offer = yaml.at(entry.line(), at, () -> new ServiceOffer(service, slot, capacity));
            offers.put(service, new Offer(offer, slotNode.line(), origin));
        }
        return offers;
    }

    private Office office(Node node) {
        Mapping m = yaml.mapping(node, "offices", "an office with id, region, name, city, sections, closures");
        Node idNode = yaml.require(m, "id", "office");
        OfficeId id = yaml.at(idNode.line(), "office", () -> new OfficeId(yaml.text(idNode, "office")));
        String where = "office " + id;
        yaml.allowOnly(m, where, "id", "region", "name", "city", "sections", "closures");
        Node regionNode = yaml.require(m, "region", where);
        Region region = yaml.constant(Region.class, yaml.text(regionNode, where), regionNode.line(), where, "region");
        Bilingual name = yaml.bilingual(yaml.require(m, "name", where), where + " name");
        Bilingual city = yaml.bilingual(yaml.require(m, "city", where), where + " city");
        Mapping sectionsNode = yaml.mapping(yaml.require(m, "sections", where), where, "MEN and/or WOMEN sections");
        Map<Section, SectionPlan> sections = new EnumMap<>(Section.class);
        for (Entry entry : sectionsNode.entries()) {
            Section section = yaml.constant(Section.class, entry.key(), entry.line(), where, "section");
            sections.put(section, section(entry, section, where + " section " + section));
        }
        if (sections.isEmpty()) {
            throw yaml.fail(sectionsNode.line(), where, "no section (expected: MEN and/or WOMEN)");
        }
        List<Closure> closures = new ArrayList<>();
        for (Node closure : yaml.optional(m, "closures").map(n -> yaml.items(n, where)).orElse(List.of())) {
            closures.add(closure(closure, sections.keySet(), where + " closure"));
        }
        return yaml.at(m.line(), where, () -> new Office(id, region, name, city, sections, closures));
    }

    private SectionPlan section(Entry entry, Section section, String where) {
        Mapping m = yaml.mapping(entry.value(), where, "plan or hours, and menu and/or services");
        yaml.allowOnly(m, where, "plan", "hours", "breaks", "menu", "services");
        WorkingWeek week;
        int weekLine;
        Optional<Node> planName = yaml.optional(m, "plan");
        if (planName.isPresent()) {
            if (m.get("hours").isPresent() || m.get("breaks").isPresent()) {
                throw yaml.fail(planName.get().line(), where, "both a plan and hours/breaks (expected: one or the other)");
            }
            String name = yaml.text(planName.get(), where);
            week = plans.get(name);
            if (week == null) {
                throw yaml.fail(planName.get().line(), where, "unknown plan '" + name + "' (expected one of: "
                        + String.join(", ", plans.keySet()) + ")");
            }
            weekLine = planName.get().line();
        } else {
            week = week(m, where);
            weekLine = m.get("hours").map(Entry::line).orElse(m.line());
        }
        WorkingWeek plan = week;
        yaml.check(weekLine, where, () -> SectionPlan.checkSaturday(section, plan));

        Map<CivilService, Offer> offers = new LinkedHashMap<>();
        yaml.optional(m, "menu").ifPresent(menuName -> {
            String name = yaml.text(menuName, where);
            Map<CivilService, Offer> menu = menus.get(name);
            if (menu == null) {
                throw yaml.fail(menuName.line(), where, "unknown menu '" + name + "' (expected one of: "
                        + String.join(", ", menus.keySet()) + ")");
            }
            offers.putAll(menu);
        });
        // A section's own services add to its menu, or replace the menu's terms for the same service.
        yaml.optional(m, "services").ifPresent(node -> offers.putAll(services(node, where, "")));
        if (offers.isEmpty()) {
            throw yaml.fail(entry.line(), where, "no services (expected: a menu and/or services)");
        }
        Map<CivilService, ServiceOffer> services = new EnumMap<>(CivilService.class);
        offers.forEach((service, offer) -> {
            yaml.check(offer.line(), where + " service " + service + offer.origin(),
                    () -> plan.checkFits(offer.offer().slotLength()));
            services.put(service, offer.offer());
        });
        return yaml.at(entry.line(), where, () -> new SectionPlan(section, plan, services));
    }

    private Closure closure(Node node, Set<Section> officeSections, String where) {
        Mapping m = yaml.mapping(node, where, "date or from/to, optional section, and reason");
        yaml.allowOnly(m, where, "date", "from", "to", "section", "reason");
        YamlFields.Span span = yaml.span(m, where);
        Set<Section> sections = EnumSet.copyOf(officeSections);
        Optional<Node> sectionNode = yaml.optional(m, "section");
        if (sectionNode.isPresent()) {
            Section only = yaml.constant(Section.class, yaml.text(sectionNode.get(), where),
                    sectionNode.get().line(), where, "section");
            sections = EnumSet.of(only);
        }
        Bilingual reason = yaml.bilingual(yaml.require(m, "reason", where), where + " reason");
        Set<Section> closed = sections;
        Closure closure = yaml.at(m.line(), where, () -> new Closure(span.from(), span.to(), closed, reason));
        yaml.check(sectionNode.map(Node::line).orElse(m.line()), where,
                () -> Office.checkClosure(officeSections, closure));
        return closure;
    }
}
