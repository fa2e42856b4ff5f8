package sa.civilaffairs.cc.console.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import sa.civilaffairs.cc.text.Language;

class MessagesTest {
    private final Messages messages = new Messages();

    @Test
    void arabicAndEnglishHaveTheSameKeys() {
        assertEquals(messages.keys(Language.EN), messages.keys(Language.AR));
    }

    @Test
    void everyLabelAPageUsesExistsInBothLanguages() throws IOException {
        Pattern slot = Pattern.compile("\\{\\{t:([A-Za-z0-9_.-]+)}}");
        for (String page : List.of("layout", "error", "sign-in", "lookup", "audit", "users")) {
            try (InputStream in = getClass().getResourceAsStream("/sa/civilaffairs/cc/console/web/pages/" + page
                    + ".html")) {
                Matcher m = Pattern.compile(slot.pattern()).matcher(new String(in.readAllBytes(),
                        StandardCharsets.UTF_8));
                while (m.find()) {
                    for (Language l : Language.values()) {
                        assertTrue(messages.keys(l).contains(m.group(1)), page + ": " + m.group(1) + " in " + l);
                    }
                }
            }
        }
    }

    @Test
    void argumentsKeepWesternDigits() {
        assertEquals("محاولات دخول فاشلة كثيرة. حاول مرة أخرى بعد 15 دقيقة.",
                messages.text(Language.AR, "error.signInThrottled", "15"));
        assertEquals("Between 12 and 128 characters.",
                messages.text(Language.EN, "field.password.length", "12", "128"));
    }
}
