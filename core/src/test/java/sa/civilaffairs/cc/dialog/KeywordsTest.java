package sa.civilaffairs.cc.dialog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KeywordsTest {

    /** Real-world variants of the keyword table (issue 4: at least 60): typos, mixed scripts, marks, digits, emoji. */
    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            موعد                          | BOOK
            مَوْعِد                         | BOOK
            موعـــد                       | BOOK
            الموعد                        | BOOK
            حجز                           | BOOK
            احجز                          | BOOK
            أحجز موعد                     | BOOK
            ابي احجز موعد                 | BOOK
            اريد حجز موعد لو سمحت         | BOOK
            موعد ١٠٠٠٠٠٠٠١٦               | BOOK
            موعد: 1000000016              | BOOK
            BOOK                          | BOOK
            book                          | BOOK
            Book please                   | BOOK
            bokk                          | NONE
            booking                       | BOOK
            bookin                        | BOOK
            Appointment                   | BOOK
            موعد 🙏                       | BOOK
            📅 موعد                       | BOOK
            حالة                          | STATUS
            حاله                          | STATUS
            حالہ                          | NONE
            الحالة 123456789              | STATUS
            مواعيدي                       | STATUS
            STATUS                        | STATUS
            stauts                        | STATUS
            Status 1 234 567 89           | STATUS
            الغاء                         | CANCEL
            إلغاء                         | CANCEL
            إلغاء ١٢٣٤٥٦٧٨٩               | CANCEL
            الغي الموعد                   | CANCEL
            cancel                        | CANCEL
            CANCEL 123456789              | CANCEL
            تقدير                         | VISIT
            زيارة                         | VISIT
            زياره                         | VISIT
            زيارة تقدير لوالدي            | VISIT
            VISIT                         | VISIT
            visit!                        | VISIT
            تحسين الخدمة بطيئة            | FEEDBACK
            شكوى                          | FEEDBACK
            شكوي                          | FEEDBACK
            اقتراح                        | FEEDBACK
            استفسار عن الهوية             | FEEDBACK
            Feedback                      | FEEDBACK
            complaint: staff rude         | FEEDBACK
            مفقود                         | LOST
            هويتي مفقوده                  | NONE
            بلاغ مفقود                    | LOST
            lost                          | LOST
            LOST my id                    | LOST
            محادثة                        | CHAT
            محادثه مع موظف                | CHAT
            chat                          | CHAT
            مساعدة                        | HELP
            مساعده                        | HELP
            ؟                             | HELP
            ?                             | HELP
            HELP                          | HELP
            help me                       | HELP
            ايقاف                         | STOP
            إيقاف                         | STOP
            أيقاف                         | STOP
            STOP                          | STOP
            Stop.                         | STOP
            unsubscribe                   | STOP
            السلام عليكم                  | NONE
            شكرا                          | NONE
            👍                            | NONE
            ok                            | NONE
            1                             | NONE
            1000000016                    | NONE
            123456786                     | STATUS
            ١٢٣٤٥٦٧٨٦                     | STATUS
            ﻣﻮﻋﺪ                          | BOOK
            ＢＯＯＫ                          | BOOK
            """)
    void variantsMapToTheirIntent(String text, String expected) {
        Optional<Command> command = Keywords.match(text);
        if (expected.equals("NONE")) {
            assertTrue(command.isEmpty(), () -> "expected no keyword, got " + command);
        } else {
            assertEquals(Intent.valueOf(expected), command.map(Command::intent).orElse(null));
        }
    }

    @Test
    void theArgumentComesWithWesternDigits() {
        Command command = Keywords.match("موعد ١٠٠٠٠٠٠٠١٦").orElseThrow();
        assertEquals("1000000016", command.normalArgument());
        assertEquals("موعد", command.word());
    }

    @Test
    void freeTextArgumentIsKeptAsTyped() {
        Command command = Keywords.match("تحسين الموظف لم يرد، شكراً").orElseThrow();
        assertEquals(Intent.FEEDBACK, command.intent());
        assertEquals("الموظف لم يرد، شكراً", command.argument());
    }

    @Test
    void aReferenceAloneIsAStatusQuestionWithoutKeyword() {
        Command command = Keywords.match("123456786").orElseThrow();
        assertFalse(command.keyword());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            0       | true
            ٠       | true
            الغاء   | true
            إلغاء   | true
            Cancel  | true
            خروج    | true
            1       | false
            لا      | false
            """)
    void abandonWords(String text, boolean abandon) {
        assertEquals(abandon, Keywords.isAbandon(text));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            1        | 1
            ٣        | 3
            2.       | 2
            رقم 4    | 4
            3️⃣       | 3
            ' 12 '   | 12
            """)
    void menuNumbers(String text, int number) {
        assertEquals(number, Keywords.number(text).orElseThrow());
    }

    @Test
    void notANumber() {
        assertTrue(Keywords.number("واحد اثنين").isEmpty());
        assertTrue(Keywords.number("1 2").isEmpty());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            1       | true
            نعم     | true
            Yes     | true
            موافق   | true
            2       | false
            لا      | false
            No      | false
            """)
    void yesNo(String text, boolean yes) {
        assertEquals(Optional.of(yes), Keywords.yesNo(text));
    }

    @Test
    void oneSlipIsForgivenOnlyInLongKeywords() {
        assertTrue(Keywords.withinOneEdit("stauts", "status"));
        assertTrue(Keywords.withinOneEdit("bookin", "booking"));
        assertFalse(Keywords.withinOneEdit("bk", "book"));
    }
}
