package sa.civilaffairs.cc.console.push;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import sa.civilaffairs.cc.console.live.ScreenPop;
import sa.civilaffairs.cc.console.web.Messages;
import sa.civilaffairs.cc.identity.NationalId;
import sa.civilaffairs.cc.reference.Reference;
import sa.civilaffairs.cc.text.Language;

class LiveJsonTest {
    private static final String NID = "1000000008";

    @Test
    void theBookingLinkCarriesTheIvrFindingsAndTheServiceChosenInTheBookingMenu() {
        ScreenPop pop = new ScreenPop("agent1", "1795391284.0", "0501234567", Language.AR, NationalId.parse(NID),
                "book", "1>1>3", null, "civil-affairs-ar", Instant.EPOCH);
        assertEquals("/appointments?nid=" + NID + "&service=3&intent=book&trail=1%3E1%3E3&callerLanguage=ar"
                + "&call=1795391284.0", LiveJson.bookingUrl(pop));
        assertEquals(NID, LiveJson.pop(pop).getString("nationalId"), "the agent's own screen shows it in full");
    }

    @Test
    void noServiceWhenTheCallerWasNotBookingAndAbsentFindingsAreLeftOut() {
        ScreenPop status = new ScreenPop("agent1", "c1", "", null, null, "status", "1>5", null, "q", Instant.EPOCH);
        assertEquals("/appointments?intent=status&trail=1%3E5&call=c1", LiveJson.bookingUrl(status));
        assertEquals(null, LiveJson.serviceChoice("book", "1>1"));
        assertEquals(null, LiveJson.serviceChoice("book", "1>1>*"));
        assertFalse(LiveJson.pop(status).containsKey("nationalId"));
    }

    @Test
    void aReferenceGoesIntoTheLink() {
        Reference ref = Reference.tryParse(validReference()).orElseThrow();
        ScreenPop pop = new ScreenPop("agent1", "c1", "", Language.EN, null, "cancel", "2>3", ref, "q", Instant.EPOCH);
        assertTrue(LiveJson.bookingUrl(pop).contains("ref=" + ref.value()));
    }

    @Test
    void everyLabelTheLivePagesUseExistsInBothLanguages() throws IOException {
        Messages messages = new Messages();
        assertEquals(messages.keys(Language.EN), messages.keys(Language.AR));
        Pattern slot = Pattern.compile("\\{\\{t:([A-Za-z0-9_.-]+)}}");
        for (String page : List.of("calls", "chat", "dashboard")) {
            try (InputStream in = getClass().getResourceAsStream("/sa/civilaffairs/cc/console/push/pages/" + page
                    + ".html")) {
                Matcher m = slot.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                int found = 0;
                while (m.find()) {
                    found++;
                    for (Language l : Language.values()) {
                        assertTrue(messages.keys(l).contains(m.group(1)), page + ": " + m.group(1) + " in " + l);
                    }
                }
                assertTrue(found > 5, page + " uses message keys");
            }
        }
    }

    private static String validReference() {
        for (int i = 100_000_000; ; i++) {
            String s = Integer.toString(i);
            if (Reference.tryParse(s).isPresent()) {
                return s;
            }
        }
    }
}
