package sa.civilaffairs.cc.ivr.prompt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import sa.civilaffairs.cc.booking.AppointmentStatus;
import sa.civilaffairs.cc.config.ConfigDirectory;
import sa.civilaffairs.cc.feedback.TicketStatus;
import sa.civilaffairs.cc.lost.LostStatus;
import sa.civilaffairs.cc.office.CatalogueLoader;
import sa.civilaffairs.cc.office.CivilService;
import sa.civilaffairs.cc.office.Office;
import sa.civilaffairs.cc.office.Region;
import sa.civilaffairs.cc.visit.VisitAssessment;
import sa.civilaffairs.cc.visit.VisitStatus;

/**
 * The catalogue is the single source of what the IVR says: every prompt id the code names, and every id the
 * composed prompts (numbers, dates, times, services, regions, offices, statuses) can produce, is in it.
 */
class PromptCatalogueTest {

    private static final Path CONFIG = ConfigDirectory.locate();
    private static final PromptCatalogue CATALOGUE = PromptCatalogue.load(CONFIG);

    private static Set<String> missing(Stream<String> ids) {
        Set<String> out = new TreeSet<>();
        ids.filter(id -> !CATALOGUE.contains(id)).forEach(out::add);
        return out;
    }

    @Test
    void everyPromptIdNamedInTheCodeIsInTheCatalogue() throws IOException {
        Path sources = CONFIG.getParent().resolve("ivr/src/main/java");
        Pattern literal = Pattern.compile("Prompt\\.(?:of|in)\\(\"([^\"]+)\"\\s*([,)+])");
        List<String> ids = new ArrayList<>();
        Set<String> prefixes = new TreeSet<>();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = literal.matcher(Files.readString(f));
                while (m.find()) {
                    (m.group(2).equals("+") ? prefixes : ids).add(m.group(1));
                }
            }
        }
        assertTrue(ids.size() > 40, "found only " + ids.size() + " prompt ids in the code");
        assertEquals(Set.of(), missing(ids.stream()));
        // ids built from a prefix: each family is checked by a test below
        assertEquals(new TreeSet<>(List.of("day-", "hijri-month-", "month-", "number-", "office-", "region-",
                "service-", "status-lost-", "status-ticket-", "status-visit-", "taqdeer-refused-")), prefixes);
    }

    @Test
    void prefixedIdsBuiltInTheCodeAreInTheCatalogue() {
        List<String> ids = new ArrayList<>();
        for (VisitStatus s : VisitStatus.values()) {
            ids.add("status-visit-" + s.name().toLowerCase(Locale.ROOT));
        }
        for (LostStatus s : LostStatus.values()) {
            ids.add("status-lost-" + s.name().toLowerCase(Locale.ROOT));
        }
        for (TicketStatus s : TicketStatus.values()) {
            ids.add("status-ticket-" + s.name().toLowerCase(Locale.ROOT));
        }
        for (AppointmentStatus s : AppointmentStatus.values()) {
            ids.add("status-appointment-" + s.name().toLowerCase(Locale.ROOT));
        }
        for (VisitAssessment.RefusalReason r : VisitAssessment.RefusalReason.values()) {
            ids.add("taqdeer-refused-" + r.name().toLowerCase(Locale.ROOT).replace("_", ""));
        }
        assertEquals(Set.of(), missing(ids.stream()));
    }

    @Test
    void everyServiceRegionAndOfficeHasItsName() {
        List<String> ids = new ArrayList<>();
        Stream.of(CivilService.values()).map(s -> Speech.service(s).id()).forEach(ids::add);
        Stream.of(Region.values()).map(r -> Speech.region(r).id()).forEach(ids::add);
        for (Office o : CatalogueLoader.load(CONFIG).offices()) {
            ids.add(Speech.office(o.id()).id());
        }
        assertEquals(Set.of(), missing(ids.stream()));
    }

    @Test
    void everyDateAndTimeTheIvrMaySayUntil2045CanBeSpoken() {
        List<String> ids = new ArrayList<>();
        for (LocalDate d = LocalDate.of(2025, 1, 1); d.getYear() < 2046; d = d.plusDays(1)) {
            Speech.date(d).forEach(p -> ids.add(p.id()));
            Speech.shortDate(d).forEach(p -> ids.add(p.id()));
        }
        for (int minute = 0; minute < 24 * 60; minute++) {
            Speech.time(LocalTime.MIN.plusMinutes(minute)).forEach(p -> ids.add(p.id()));
        }
        Speech.digits("0123456789").forEach(p -> ids.add(p.id()));
        assertEquals(Set.of(), missing(ids.stream().distinct()));
    }

    @Test
    void theTextOfAPlayedFileIsFoundForThePhone() {
        assertEquals("اختر الخدمة.", CATALOGUE.textOfFile("cc/ar/choose-service"));
        assertEquals("Choose the service.", CATALOGUE.textOfFile("cc/en/choose-service"));
        assertEquals("<beep>", CATALOGUE.textOfFile("beep"));
    }
}
