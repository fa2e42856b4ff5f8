package sa.civilaffairs.cc.office;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every office and the official holidays, as loaded from {@code config/} by {@link CatalogueLoader}. Immutable and
 * safe to share between threads. Lists of offices keep the order of the catalogue file, which is the order channels
 * read them out in menus.
 */
public final class OfficeCatalogue {

    private final List<Office> offices;
    private final Map<OfficeId, Office> byId;
    private final List<Holiday> holidays;

    public OfficeCatalogue(List<Office> offices, List<Holiday> holidays) {
        this.offices = List.copyOf(offices);
        this.holidays = List.copyOf(holidays);
        Map<OfficeId, Office> index = new HashMap<>();
        for (Office office : this.offices) {
            if (index.putIfAbsent(office.id(), office) != null) {
                throw new IllegalArgumentException("office " + office.id() + " listed twice (expected: unique ids)");
            }
        }
        this.byId = Map.copyOf(index);
    }

    public List<Office> offices() {
        return offices;
    }

    public Optional<Office> office(OfficeId id) {
        return Optional.ofNullable(byId.get(id));
    }

    public List<Office> inRegion(Region region) {
        return offices.stream().filter(o -> o.region() == region).toList();
    }

    /** The offices of {@code region} where some section offers {@code service}. */
    public List<Office> offering(CivilService service, Region region) {
        return offices.stream().filter(o -> o.region() == region && o.offers(service)).toList();
    }

    /** The offices of {@code region} whose {@code section} offers {@code service}. */
    public List<Office> offering(CivilService service, Region region, Section section) {
        return offices.stream()
                .filter(o -> o.region() == region && o.section(section).map(p -> p.offers(service)).orElse(false))
                .toList();
    }

    /** The regions, in {@link Region} order, with at least one office offering {@code service}. */
    public List<Region> regionsOffering(CivilService service) {
        return Arrays.stream(Region.values()).filter(r -> !offering(service, r).isEmpty()).toList();
    }

    /** The regions, in {@link Region} order, with at least one office whose {@code section} offers {@code service}. */
    public List<Region> regionsOffering(CivilService service, Section section) {
        return Arrays.stream(Region.values()).filter(r -> !offering(service, r, section).isEmpty()).toList();
    }

    /** The sections of office {@code id} that offer {@code service}; empty for an unknown office. */
    public List<Section> sectionsOffering(OfficeId id, CivilService service) {
        return office(id).map(o -> o.sectionsOffering(service)).orElse(List.of());
    }

    /** How office {@code id}'s {@code section} offers {@code service} (slot length, capacity), if it does. */
    public Optional<ServiceOffer> offer(OfficeId id, Section section, CivilService service) {
        return office(id).flatMap(o -> o.section(section)).flatMap(p -> p.offer(service));
    }

    public List<Holiday> holidays() {
        return holidays;
    }

    /** The official holiday on {@code date}, if any. */
    public Optional<Holiday> holiday(LocalDate date) {
        return holidays.stream().filter(h -> h.covers(date)).findFirst();
    }
}
