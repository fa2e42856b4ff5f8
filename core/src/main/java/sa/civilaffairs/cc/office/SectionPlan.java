package sa.civilaffairs.cc.office;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How one section of an office works: its working week and the services it offers. Only women's sections may open
 * on Saturday (PRODUCT.md, Calendar); every offered service fits at least one slot into every working day.
 */
public record SectionPlan(Section section, WorkingWeek week, Map<CivilService, ServiceOffer> services) {

    public SectionPlan {
        if (section == null || week == null || services == null) {
            throw new IllegalArgumentException("section plan: section, week and services are all required");
        }
        checkSaturday(section, week);
        if (services.isEmpty()) {
            throw new IllegalArgumentException(section + " offers no service (expected: at least one)");
        }
        EnumMap<CivilService, ServiceOffer> copy = new EnumMap<>(CivilService.class);
        services.forEach((service, offer) -> {
            if (offer == null || offer.service() != service) {
                throw new IllegalArgumentException("service " + service + " maps to " + offer
                        + " (expected: the offer of that service)");
            }
            try {
                week.checkFits(offer.slotLength());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(service + ": " + e.getMessage(), e);
            }
            copy.put(service, offer);
        });
        services = Collections.unmodifiableMap(copy);
    }

    static void checkSaturday(Section section, WorkingWeek week) {
        if (section != Section.WOMEN && week.isOpen(DayOfWeek.SATURDAY)) {
            throw new IllegalArgumentException("SATURDAY hours in the " + section
                    + " section (expected: only women's sections open on Saturday)");
        }
    }

    public Optional<ServiceOffer> offer(CivilService service) {
        return Optional.ofNullable(services.get(service));
    }

    public boolean offers(CivilService service) {
        return services.containsKey(service);
    }

    /** Slot start times of {@code service} on any {@code day} of this week, before holidays and closures. */
    public List<LocalTime> starts(CivilService service, DayOfWeek day) {
        ServiceOffer offer = services.get(service);
        return offer == null ? List.of() : week.starts(day, offer.slotLength());
    }
}
