package sa.civilaffairs.cc.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sa.civilaffairs.cc.config.ConfigDirectory;
import sa.civilaffairs.cc.config.ConfigException;
import sa.civilaffairs.cc.text.Language;

class YamlMessageTemplatesTest {
    @TempDir
    Path dir;

    @Test
    void theShippedTemplatesLoadWithEveryIdTheProductSends() {
        YamlMessageTemplates templates = YamlMessageTemplates.load(ConfigDirectory.locate());

        assertTrue(templates.ids().containsAll(Set.of("appointment.confirmed", "appointment.reminder",
                "appointment.cancelled", "appointment.rescheduled", "visit.submitted.eligible",
                "visit.submitted.review", "visit.contacted", "visit.scheduled", "visit.visited", "visit.closed",
                "visit.declined", "visit.refused.deceased", "visit.refused.under85", "ticket.opened",
                "ticket.updated", "ticket.answered", "ticket.closed", "lost.reported", "lost.replacement",
                "lost.closed", "help.menu", "stop.confirmed", "identity.refused", "registry.unavailable",
                "chat.started", "chat.reply", "callback.out_of_hours")), templates.ids().toString());
        assertEquals(Set.of("ref", "office", "date", "time"), templates.placeholdersOf("appointment.confirmed"));
    }

    @Test
    void everyStatusOfEveryKindHasItsWordInBothLanguages() {
        YamlMessageTemplates templates = YamlMessageTemplates.load(ConfigDirectory.locate());
        for (Language language : Language.values()) {
            for (var status : sa.civilaffairs.cc.visit.VisitStatus.values()) {
                assertTrue(!StatusSms.stateWord(templates, "visit", status, language).isBlank());
            }
            for (var status : sa.civilaffairs.cc.feedback.TicketStatus.values()) {
                assertTrue(!StatusSms.stateWord(templates, "ticket", status, language).isBlank());
            }
            for (var status : sa.civilaffairs.cc.lost.LostStatus.values()) {
                assertTrue(!StatusSms.stateWord(templates, "lost", status, language).isBlank());
            }
        }
        assertEquals("قيد المعالجة", StatusSms.stateWord(templates, "ticket", sa.civilaffairs.cc.feedback.TicketStatus.IN_PROGRESS,
                Language.AR));
    }

    @Test
    void theHelpMenuListsEveryKeywordOfTheSpec() {
        YamlMessageTemplates templates = YamlMessageTemplates.load(ConfigDirectory.locate());
        String ar = templates.render("help.menu", Language.AR, Map.of());
        String en = templates.render("help.menu", Language.EN, Map.of());
        for (String keyword : new String[] {"موعد", "حالة", "الغاء", "تقدير", "تحسين", "مفقود", "محادثة", "ايقاف"}) {
            assertTrue(ar.contains(keyword), keyword);
        }
        for (String keyword : new String[] {"BOOK", "STATUS", "CANCEL", "VISIT", "FEEDBACK", "LOST", "CHAT", "STOP"}) {
            assertTrue(en.contains(keyword), keyword);
        }
    }

    @Test
    void rendersEachLanguageAndRefusesMissingValuesAndUnknownIds() throws IOException {
        write("ar", "visit.scheduled: \"زيارة {ref}: {date} من {window}\"\n");
        write("en", "visit.scheduled: \"Visit {ref}: {date}, {window}\"\n");
        YamlMessageTemplates templates = YamlMessageTemplates.load(dir);

        assertEquals("Visit 212345678: Sunday, 09:00-12:00", templates.render("visit.scheduled", Language.EN,
                Map.of("ref", "212345678", "date", "Sunday", "window", "09:00-12:00", "unused", "x")));
        assertEquals("زيارة 1: {date} من $1", templates.render("visit.scheduled", Language.AR,
                Map.of("ref", "1", "date", "{date}", "window", "$1")));
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> templates.render("visit.scheduled", Language.EN, Map.of("ref", "1")));
        assertTrue(missing.getMessage().contains("{date}"), missing.getMessage());
        assertThrows(IllegalArgumentException.class, () -> templates.render("nope", Language.AR, Map.of()));
    }

    @Test
    void anIdMissingInOneLanguageIsNamedWithFileAndLine() throws IOException {
        write("ar", "a.one: \"واحد\"\na.two: \"اثنان\"\n");
        write("en", "a.one: \"one\"\n");

        assertEquals("messages/ar.yaml:2: a.two: missing from messages/en.yaml (expected: every id in every language)",
                refusal());
    }

    @Test
    void anIdOnlyInTheSecondLanguageIsRefusedToo() throws IOException {
        write("ar", "a.one: \"واحد\"\n");
        write("en", "a.one: \"one\"\na.extra: \"extra\"\n");

        assertTrue(refusal().startsWith("messages/en.yaml:2: a.extra: missing from messages/ar.yaml"), refusal());
    }

    @Test
    void differentPlaceholdersAreRefused() throws IOException {
        write("ar", "x.y: \"{ref} {date}\"\n");
        write("en", "x.y: \"{ref} {day}\"\n");

        String message = refusal();
        assertTrue(message.startsWith("messages/en.yaml:1: x.y: placeholders [ref, day] differ"), message);
        assertTrue(message.contains("missing [date]"), message);
    }

    @Test
    void malformedEntriesAreRefusedWithTheirLine() throws IOException {
        write("en", "x.y: \"ok\"\n");
        assertRefused("x.y: \"ok\"\nx.z: \"a {ref\"\n", "messages/ar.yaml:2: x.z: stray brace");
        assertRefused("x.y: \"ok\"\nx.z:\n", "messages/ar.yaml:2: x.z: empty");
        assertRefused("x.y: \"  \"\n", "messages/ar.yaml:1: x.y: empty");
        assertRefused("x.y:\n  nested: \"no\"\n", "messages/ar.yaml:1: x.y: not a text");
        assertRefused("x.y: \"ok\"\nx.y: \"again\"\n", "messages/ar.yaml:2: x.y: duplicate id (first at line 1)");
        assertRefused("Bad Id: \"ok\"\n", "messages/ar.yaml:1: Bad Id: bad id");
        assertRefused("x.y: &t \"ok\"\nx.z: *t\n", "messages/ar.yaml:2: x.z: YAML alias");
        assertRefused("- a\n- b\n", "messages/ar.yaml:1: not a mapping");
        assertRefused("x.y: \"ok\n", "messages/ar.yaml:");
    }

    @Test
    void aMissingFileIsNamed() throws IOException {
        write("ar", "x.y: \"ok\"\n");

        assertTrue(refusal().startsWith("messages/en.yaml: missing"), refusal());
    }

    private void assertRefused(String arYaml, String expectedStart) throws IOException {
        write("ar", arYaml);
        String message = refusal();
        assertTrue(message.startsWith(expectedStart), message);
    }

    private String refusal() {
        return assertThrows(ConfigException.class, () -> YamlMessageTemplates.load(dir)).getMessage();
    }

    private void write(String language, String yaml) throws IOException {
        Files.createDirectories(dir.resolve("messages"));
        Files.writeString(dir.resolve("messages").resolve(language + ".yaml"), yaml);
    }
}
