package sa.civilaffairs.cc.dialog;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import sa.civilaffairs.cc.booking.SlotKey;
import sa.civilaffairs.cc.identity.NationalId;
import sa.civilaffairs.cc.office.CivilService;
import sa.civilaffairs.cc.office.OfficeId;
import sa.civilaffairs.cc.office.Region;
import sa.civilaffairs.cc.office.Section;

/**
 * What a person has chosen so far on the way to a slot, as plain keys (service and region names, office id, ISO
 * date, HH:mm) so that any channel can keep it in its own state. {@code section} is fixed before the first choice
 * (women book the women's section). Values; {@link #with} returns a copy.
 */
public record SlotSelection(NationalId person, Section section, Map<ChoiceStep, String> chosen) {

    public SlotSelection {
        Objects.requireNonNull(person, "person");
        Objects.requireNonNull(section, "section");
        chosen = Map.copyOf(chosen == null ? Map.of() : chosen);
    }

    public static SlotSelection start(NationalId person, Section section) {
        return new SlotSelection(person, section, Map.of());
    }

    /** This selection with {@code step} set to {@code key} and every later step forgotten. */
    public SlotSelection with(ChoiceStep step, String key) {
        Map<ChoiceStep, String> copy = new LinkedHashMap<>();
        chosen.forEach((s, k) -> {
            if (s.ordinal() < step.ordinal()) {
                copy.put(s, k);
            }
        });
        copy.put(step, key);
        return new SlotSelection(person, section, copy);
    }

    /** This selection with {@code step} and every later step forgotten (to ask {@code step} again). */
    public SlotSelection without(ChoiceStep step) {
        Map<ChoiceStep, String> copy = new LinkedHashMap<>(chosen);
        copy.keySet().removeIf(s -> s.ordinal() >= step.ordinal());
        return new SlotSelection(person, section, copy);
    }

    /** The first step not chosen yet; empty once the time is chosen. */
    public Optional<ChoiceStep> pending() {
        for (ChoiceStep step : ChoiceStep.values()) {
            if (!chosen.containsKey(step)) {
                return Optional.of(step);
            }
        }
        return Optional.empty();
    }

    public Optional<CivilService> service() {
        return key(ChoiceStep.SERVICE).map(CivilService::valueOf);
    }

    public Optional<Region> region() {
        return key(ChoiceStep.REGION).map(Region::valueOf);
    }

    public Optional<OfficeId> office() {
        return key(ChoiceStep.OFFICE).map(OfficeId::new);
    }

    public Optional<LocalDate> day() {
        return key(ChoiceStep.DAY).map(LocalDate::parse);
    }

    public Optional<LocalTime> time() {
        return key(ChoiceStep.TIME).map(LocalTime::parse);
    }

    /** The chosen slot once every step has an answer. */
    public Optional<SlotKey> slot() {
        if (pending().isPresent()) {
            return Optional.empty();
        }
        return Optional.of(new SlotKey(office().orElseThrow(), section, service().orElseThrow(), day().orElseThrow(),
                time().orElseThrow()));
    }

    public Optional<String> key(ChoiceStep step) {
        return Optional.ofNullable(chosen.get(step));
    }
}
