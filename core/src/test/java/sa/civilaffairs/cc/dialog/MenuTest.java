package sa.civilaffairs.cc.dialog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class MenuTest {

    @Test
    void optionsKeepTheirNumbersAcrossPages() {
        List<String> labels = List.of("الرياض", "مكة المكرمة", "المدينة المنورة", "القصيم", "المنطقة الشرقية",
                "عسير", "تبوك", "حائل", "الحدود الشمالية", "جازان", "نجران", "الباحة", "الجوف");
        Menu.Page first = Menu.page(labels, 0, 60, "* المزيد");
        assertTrue(first.more());
        assertTrue(first.text().length() <= 60, first.text());
        assertTrue(first.text().startsWith("1 الرياض\n2 مكة المكرمة"));
        assertTrue(first.text().endsWith("* المزيد"));
        Menu.Page second = Menu.page(labels, first.next(), 60, "* المزيد");
        assertTrue(second.text().startsWith((first.next() + 1) + " "), second.text());
    }

    @Test
    void theLastPageHasNoMoreLine() {
        Menu.Page page = Menu.page(List.of("a", "b"), 0, 100, "* more");
        assertEquals("1 a\n2 b", page.text());
        assertFalse(page.more());
    }

    @Test
    void atLeastOneOptionEvenWhenItDoesNotFit() {
        Menu.Page page = Menu.page(List.of("a very long label indeed", "b"), 0, 5, "* more");
        assertEquals(1, page.next());
    }

    @Test
    void moreWords() {
        assertTrue(Menu.isMore("*"));
        assertTrue(Menu.isMore("المزيد"));
        assertTrue(Menu.isMore("More"));
        assertFalse(Menu.isMore("1"));
    }
}
