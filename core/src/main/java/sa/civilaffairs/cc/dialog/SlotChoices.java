package sa.civilaffairs.cc.dialog;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import sa.civilaffairs.cc.booking.AppointmentBook;
import sa.civilaffairs.cc.booking.FreeSlot;
import sa.civilaffairs.cc.calendar.CitizenDates;
import sa.civilaffairs.cc.calendar.DateParts;
import sa.civilaffairs.cc.calendar.RiyadhTime;
import sa.civilaffairs.cc.office.Bilingual;
import sa.civilaffairs.cc.office.CivilService;
import sa.civilaffairs.cc.office.Office;
import sa.civilaffairs.cc.office.OfficeCatalogue;
import sa.civilaffairs.cc.text.Language;

/**
 * The options of each {@link ChoiceStep} for a {@link SlotSelection}: the reusable description of "choose service →
 * region → office → day → time" that the SMS dialogs and the IVR both read out as numbered menus. Offices are only
 * those whose section offers the service; days only those with a free place, starting today (Riyadh); times only
 * free, not yet started ones. Thread-safe; {@link ChoiceStep#DAY} and {@link ChoiceStep#TIME} ask the book (Redis).
 */
public final class SlotChoices {

    /** How many days with free places are offered. */
    public static final int DAYS_OFFERED = 6;

    private final OfficeCatalogue catalogue;
    private final AppointmentBook book;
    private final Clock clock;

    public SlotChoices(OfficeCatalogue catalogue, AppointmentBook book, Clock clock) {
        this.catalogue = Objects.requireNonNull(catalogue, "catalogue");
        this.book = Objects.requireNonNull(book, "book");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public OfficeCatalogue catalogue() {
        return catalogue;
    }

    /**
     * The options of {@code step} given the earlier choices of {@code selection}, in menu order; empty when nothing
     * can be offered (no office of the region offers the service, no free day). The earlier steps must be chosen.
     */
    public List<Choice> options(ChoiceStep step, SlotSelection selection) {
        return switch (step) {
            case SERVICE -> Arrays.stream(CivilService.values())
                    .filter(s -> !catalogue.regionsOffering(s, selection.section()).isEmpty())
                    .map(s -> new Choice(s.name(), new Bilingual(s.name(Language.AR), s.name(Language.EN))))
                    .toList();
            case REGION -> catalogue.regionsOffering(selection.service().orElseThrow(), selection.section()).stream()
                    .map(r -> new Choice(r.name(), new Bilingual(r.nameAr(), r.nameEn())))
                    .toList();
            case OFFICE -> catalogue.offering(selection.service().orElseThrow(), selection.region().orElseThrow(),
                            selection.section()).stream()
                    .map(o -> new Choice(o.id().value(), officeLabel(o)))
                    .toList();
            case DAY -> book.daysWithFreeSlots(selection.office().orElseThrow(), selection.section(),
                            selection.service().orElseThrow(), RiyadhTime.today(clock), DAYS_OFFERED).stream()
                    .map(d -> new Choice(d.toString(), dayLabel(d)))
                    .toList();
            case TIME -> book.freeSlots(selection.office().orElseThrow(), selection.section(),
                            selection.service().orElseThrow(), selection.day().orElseThrow()).stream()
                    .map(FreeSlot::start)
                    .map(t -> new Choice(t.toString(), new Bilingual(CitizenDates.time(t), CitizenDates.time(t))))
                    .toList();
        };
    }

    private static Bilingual officeLabel(Office office) {
        return new Bilingual(office.name(Language.AR), office.name(Language.EN));
    }

    /** Short enough for a menu line: {@code الأحد 12 جمادى الآخرة (22-11)}. */
    static Bilingual dayLabel(LocalDate date) {
        DateParts parts = CitizenDates.parts(date);
        String gregorian = String.format("%02d-%02d", date.getDayOfMonth(), date.getMonthValue());
        return new Bilingual(
                parts.dayName(Language.AR) + " " + parts.hijriDay() + " " + parts.hijriMonthName(Language.AR)
                        + " (" + gregorian + ")",
                parts.dayName(Language.EN) + " " + parts.hijriDay() + " " + parts.hijriMonthName(Language.EN)
                        + " (" + gregorian + ")");
    }

}
