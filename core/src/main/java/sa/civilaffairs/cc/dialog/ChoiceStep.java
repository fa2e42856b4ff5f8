package sa.civilaffairs.cc.dialog;

import java.util.Optional;

/**
 * The choices that lead to a bookable slot, in the order every channel asks them (PRODUCT.md: SMS menus, IVR step 4):
 * service, region, office (only those offering the service), a day with free places, a time.
 */
public enum ChoiceStep {
    SERVICE, REGION, OFFICE, DAY, TIME;

    /** The step after this one; empty after {@link #TIME}, when the slot is chosen. */
    public Optional<ChoiceStep> next() {
        return ordinal() + 1 < values().length ? Optional.of(values()[ordinal() + 1]) : Optional.empty();
    }

    /** The step before this one, for "back" ({@code *} in the IVR); empty for {@link #SERVICE}. */
    public Optional<ChoiceStep> previous() {
        return ordinal() > 0 ? Optional.of(values()[ordinal() - 1]) : Optional.empty();
    }
}
