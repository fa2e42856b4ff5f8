package sa.civilaffairs.cc.dialog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One line of {@code scenarios.txt}: a sender, the messages they send, and the template ids of the replies each
 * message gets ({@code "-"}: none). Written once, run through the engine and through the SMS path.
 */
public record Scenario(String name, String sender, List<String> messages, List<List<String>> replies) {

    public static List<Scenario> all() {
        String text;
        try (InputStream in = Scenario.class.getResourceAsStream("scenarios.txt")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Scenario> scenarios = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cols = line.split("\\|");
            List<String> messages = Arrays.stream(cols[2].split(" / ")).map(String::strip).toList();
            List<List<String>> replies = Arrays.stream(cols[3].split(" / ")).map(String::strip)
                    .map(r -> r.equals("-") ? List.<String>of() : List.of(r.split("\\+"))).toList();
            if (messages.size() != replies.size()) {
                throw new IllegalStateException("scenario " + cols[0].strip() + ": " + messages.size()
                        + " messages but " + replies.size() + " expected replies");
            }
            scenarios.add(new Scenario(cols[0].strip(), cols[1].strip(), messages, replies));
        }
        return scenarios;
    }

    @Override
    public String toString() {
        return name;
    }
}
