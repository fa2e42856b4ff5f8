package sa.civilaffairs.cc.notify;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import sa.civilaffairs.cc.calendar.CitizenDates;
import sa.civilaffairs.cc.config.ConfigDirectory;
import sa.civilaffairs.cc.office.CatalogueLoader;
import sa.civilaffairs.cc.office.Office;
import sa.civilaffairs.cc.text.Language;

/**
 * Every shipped template, rendered with the longest realistic values (the longest office name of the catalogue, the
 * longest date of the next two years, a reason cut to the 60 characters the desks send), fits in two SMS parts:
 * 134 characters when any character needs UCS-2 (all Arabic texts), 306 GSM-7 septets otherwise.
 * The one exception is {@code chat.reply}: an agent's free reply, as long as the agent writes it.
 */
class MessageLengthTest {
    static final Set<String> UNBOUNDED = Set.of("chat.reply");
    static final String GSM7_BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    static final String GSM7_EXTENSION = "^{}\\[~]|€\f";

    private final YamlMessageTemplates templates = YamlMessageTemplates.load(ConfigDirectory.locate());
    private final List<Office> offices = CatalogueLoader.load(ConfigDirectory.locate()).offices();

    @Test
    void everyTemplateFitsInTwoPartsWithTheLongestRealisticValues() {
        List<String> tooLong = new ArrayList<>();
        for (Language language : Language.values()) {
            Map<String, String> values = longestValues(language);
            for (String id : templates.ids()) {
                if (UNBOUNDED.contains(id)) {
                    continue;
                }
                String text = templates.render(id, language, values);
                int size = size(text);
                int limit = gsm7(text) ? 306 : 134;
                if (size > limit) {
                    tooLong.add(language.code() + " " + id + ": " + size + " > " + limit + ": " + text);
                }
            }
        }
        assertTrue(tooLong.isEmpty(), String.join("\n", tooLong));
    }

    @Test
    void theCheckItselfCountsArabicAsUcs2AndEscapesAsTwo() {
        assertTrue(!gsm7("موعد") && gsm7("BOOK 1") && size("a€") == 3 && size("موعد") == 4);
    }

    private Map<String, String> longestValues(Language language) {
        Map<String, String> v = new HashMap<>();
        v.put("ref", "212345678");
        v.put("appointment", "112345674");
        v.put("office", longest(offices.stream().map(o -> o.name(language))));
        v.put("date", longest(Stream.iterate(LocalDate.of(2026, 12, 1), d -> d.plusDays(1)).limit(730)
                .map(d -> CitizenDates.date(d, language))));
        v.put("time", "09:30");
        v.put("window", "09:00-12:00");
        v.put("status", longest(templates.ids().stream().filter(id -> id.startsWith("state."))
                .map(id -> templates.render(id, language, Map.of()))));
        v.put("reason", language == Language.AR
                ? "لم نتمكن من الوصول إلى العنوان بعد ثلاث محاولات اتصال متتالية"
                : "we could not reach the address after three calls in a row ab");
        v.put("text", "");
        // the dialog prompts' menus, notices and status lists are cut to fit by DialogEngine (DialogLengthIT)
        v.put("menu", "");
        v.put("notice", "");
        v.put("prompt", "");
        v.put("items", "");
        v.put("minutes", "5");
        return v;
    }

    private static String longest(Stream<String> candidates) {
        return candidates.max(Comparator.comparingInt(String::length)).orElseThrow();
    }

    static boolean gsm7(String text) {
        return text.chars().allMatch(c -> GSM7_BASIC.indexOf(c) >= 0 || GSM7_EXTENSION.indexOf(c) >= 0);
    }

    /** Septets for GSM-7 text (an extension character takes two), UTF-16 units otherwise. */
    static int size(String text) {
        if (!gsm7(text)) {
            return text.length();
        }
        return text.chars().map(c -> GSM7_EXTENSION.indexOf(c) >= 0 ? 2 : 1).sum();
    }
}
