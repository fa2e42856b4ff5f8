package sa.civilaffairs.cc.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ArabicTextTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            // hamza forms of alef and alef wasla
            "أحمد | احمد",
            "إلغاء | الغاء",
            "آمنة | امنه",
            "ٱلله | الله",
            // ta marbuta and alef maksura
            "زيارة | زياره",
            "مساعدة | مساعده",
            "مستشفى | مستشفي",
            "على | علي",
            // hamza carriers
            "مؤسسة | موسسه",
            "رئيس | رييس",
            "سؤال | سوال",
            // the standalone hamza is a letter of its own and stays
            "شيء | شيء",
            // Persian-keyboard kaf and yeh
            "کتاب | كتاب",
            "یوم | يوم"})
    void foldsLetterVariants(String typed, String expected) {
        assertEquals(expected, ArabicText.normalize(typed));
    }

    @Test
    void everySpellingOfTheCancelKeywordMatchesTheSpecKeyword() {
        String keyword = ArabicText.normalize("الغاء");
        for (String typed : List.of("إلغاء", "الغاء", "أَلْغَاء", "إلـــغاء", "ألغاء", "آلغاء", " إلغاء! ", "ﺇﻟﻐﺎء")) {
            assertEquals(keyword, ArabicText.normalize(typed), typed);
        }
    }

    @Test
    void everySpellingOfTheHelpAndVisitKeywordsMatches() {
        assertEquals(ArabicText.normalize("مساعدة"), ArabicText.normalize("مُسَاعَدَه"));
        assertEquals(ArabicText.normalize("زيارة"), ArabicText.normalize("زِيَارَةٌ"));
        assertEquals(ArabicText.normalize("ايقاف"), ArabicText.normalize("إيقاف"));
        assertEquals(ArabicText.normalize("مواعيدي"), ArabicText.normalize("مواعيدى"));
    }

    @Test
    void stripsEveryHarakaShaddaSukunAndSuperscriptAlef() {
        StringBuilder marked = new StringBuilder("م");
        for (char mark = '\u064B'; mark <= '\u065F'; mark++) {
            marked.append(mark);
        }
        marked.append('\u0670').append("وعد");
        assertEquals("موعد", ArabicText.normalize(marked));
    }

    @Test
    void stripsQuranicAnnotationMarks() {
        StringBuilder marked = new StringBuilder("رحمن");
        for (char mark = '\u06D6'; mark <= '\u06ED'; mark++) {
            marked.insert(2, mark);
        }
        assertEquals("رحمن", ArabicText.normalize(marked));
        assertEquals("صلي", ArabicText.normalize("صلۖى"));
    }

    @Test
    void stripsTatweel() {
        assertEquals("موعد", ArabicText.normalize("مـــوعـد"));
        assertEquals("حجز", ArabicText.normalize("ـحجزـ"));
    }

    @Test
    void stripsZeroWidthAndBidiCharacters() {
        String invisible = "\u200B\u200C\u200D\u200E\u200F\u061C\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068"
                + "\u2069\u2060\uFEFF";
        assertEquals("موعد", ArabicText.normalize("مو" + invisible + "عد"));
        assertEquals("book", ArabicText.normalize(invisible + "BOOK" + invisible));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "٠١٢٣٤٥٦٧٨٩ | 0123456789",
            "۰۱۲۳۴۵۶۷۸۹ | 0123456789",
            "حالة ١٢٣٤٥٦٧٨٩ | حاله 123456789",
            "موعد ۱۰۰۰۰۰۰۰۰۸ | موعد 1000000008",
            "١٢3۴ | 1234",
            "１２３ | 123"})
    void turnsEveryDigitScriptWestern(String typed, String expected) {
        assertEquals(expected, ArabicText.normalize(typed));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
            "موعد، حجز | موعد حجز",
            "موعد؛حجز | موعد حجز",
            "ما هو موعدي؟ | ما هو موعدي",
            "خصم ٥٠٪ | خصم 50",
            "'Book, please!' | book please",
            "'status: 123-456' | status 123 456",
            "'(cancel) [now] {x}' | cancel now x",
            "'\"quoted\" «مقتبس»' | quoted مقتبس",
            "'a.b/c\\d_e' | a b c d e",
            "'100$ + 5 = €' | 100 5",
            "'١٫٥ و ١٬٠٠٠' | 1 5 و 1 000",
            "'انتهى۔ التالي' | انتهي التالي"})
    void turnsPunctuationAndSymbolsIntoSpaces(String typed, String expected) {
        assertEquals(expected, ArabicText.normalize(typed));
    }

    @Test
    void theHelpQuestionMarkAloneNormalizesToNothing() {
        assertEquals("", ArabicText.normalize("؟"));
        assertEquals("", ArabicText.normalize("?"));
        assertEquals(List.of(), ArabicText.tokens("؟"));
    }

    @Test
    void lowerCasesLatinWhateverTheDefaultLocale() {
        java.util.Locale before = java.util.Locale.getDefault();
        try {
            java.util.Locale.setDefault(java.util.Locale.forLanguageTag("tr"));
            assertEquals("book status visit", ArabicText.normalize("BOOK Status VISIT"));
            assertEquals("i", ArabicText.normalize("İ"));
        } finally {
            java.util.Locale.setDefault(before);
        }
    }

    @Test
    void foldsLatinAccentsAndFullWidthLetters() {
        assertEquals("cafe", ArabicText.normalize("Café"));
        assertEquals("book", ArabicText.normalize("ＢＯＯＫ"));
    }

    @Test
    void collapsesEveryKindOfWhitespace() {
        assertEquals("حجز موعد 1000000008",
                ArabicText.normalize("  حجز\t\tموعد\n\r\u00A0\u2007\u202F\u3000 1000000008 \u2028"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"موعد 👍", "👍موعد", "موعد🙏🏽", "❤️موعد", "موعد 👨‍👩‍👧", "🇸🇦 موعد", "موعد ☺", "موعد 🫠"})
    void removesEmoji(String typed) {
        assertEquals("موعد", ArabicText.normalize(typed));
    }

    @Test
    void aKeycapEmojiIsItsDigit() {
        assertEquals("1", ArabicText.normalize("1️⃣"));
    }

    @Test
    void emojiBetweenWordsSeparatesThem() {
        assertEquals(List.of("موعد", "1000000008"), ArabicText.tokens("موعد🙏1000000008"));
    }

    @Test
    void presentationFormsAndLigaturesBecomePlainLetters() {
        assertEquals("موعد", ArabicText.normalize("ﻣﻮﻋﺪ"));
        assertEquals("لا", ArabicText.normalize("ﻻ"));
        assertEquals("الغاء", ArabicText.normalize("ﺍﻟﻐﺎﺀ"));
    }

    @Test
    void nullEmptyAndBlankNormalizeToEmpty() {
        assertEquals("", ArabicText.normalize(null));
        assertEquals("", ArabicText.normalize(""));
        assertEquals("", ArabicText.normalize(" \t\n "));
        assertEquals("", ArabicText.normalize("ـــ"));
        assertEquals("", ArabicText.normalize("!!! ؟؟ ،،"));
    }

    @Test
    void normalizeIsIdempotent() {
        List<String> samples = List.of("إلغاءُ الموعدِ، رجاءً!", "BOOK ١٠٠٠٠٠٠٠٠٨", "ﻻ ﺇﻟﻐﺎﺀ 👍🏽", "ℂafé ＢＯＯＫ İstanbul",
                "مـؤسـسـة ٱلرئيس؟", "a\u200Bb\u0301c", "ﷺ ﷲ", "Ǆ ǅ ǆ ß ſ K Å");
        for (String sample : samples) {
            String once = ArabicText.normalize(sample);
            assertEquals(once, ArabicText.normalize(once), sample);
        }
    }

    @Test
    void normalizedTextHasNoLeadingTrailingOrDoubleSpaces() {
        String normal = ArabicText.normalize(" ، موعد  ،، ؛ حجز ؟ ");
        assertEquals("موعد حجز", normal);
        assertTrue(!normal.contains("  "));
    }

    @Test
    void tokensSplitsTheNormalizedText() {
        assertEquals(List.of("الغاء", "123456789"), ArabicText.tokens("  إلغاء، ١٢٣٤٥٦٧٨٩ "));
        assertEquals(List.of("book", "1000000008"), ArabicText.tokens("BOOK 1000000008"));
        assertEquals(List.of("تحسين", "الخدمه", "بطييه", "جدا"), ArabicText.tokens("تحسين: الخدمة بطيئة جداً!!"));
        assertEquals(List.of(), ArabicText.tokens(null));
        assertEquals(List.of(), ArabicText.tokens("   "));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "موعد | AR",
            "BOOK | EN",
            "book 1000000008 | EN",
            "موعد 1000000008 | AR",
            "ok موعد | AR",
            "مُ | AR",
            "ﻣﻮﻋﺪ | AR",
            "کتاب | AR",
            "Café | EN"})
    void detectsTheLanguageFromTheLetters(String typed, Language expected) {
        assertEquals(Optional.of(expected), ArabicText.detectLanguage(typed));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"1", "١٢٣", "۱۲۳", "1000000008", "؟", "?", "👍", "   ", "", "123 - 456", "Привет", "你好"})
    void digitsPunctuationEmojiAndOtherScriptsTellNoLanguage(String typed) {
        assertEquals(Optional.empty(), ArabicText.detectLanguage(typed));
    }

    @Test
    void withoutLettersTheFallbackLanguageIsKept() {
        assertEquals(Optional.empty(), ArabicText.detectLanguage(null));
        assertEquals(Language.EN, ArabicText.languageOr("2", Language.EN));
        assertEquals(Language.AR, ArabicText.languageOr("2", Language.AR));
        assertEquals(Language.EN, ArabicText.languageOr("cancel", Language.AR));
        assertEquals(Language.AR, ArabicText.languageOr("الغاء", Language.EN));
    }
}
