package sa.civilaffairs.cc.ivr.prompt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import sa.civilaffairs.cc.ivr.IvrException;
import sa.civilaffairs.cc.text.Language;

/**
 * {@code config/prompts/catalogue.yaml}: every prompt id with its Arabic and English text. The single source of what
 * the IVR says; the audio is generated from it (scripts/prompts). Immutable, thread-safe.
 */
public final class PromptCatalogue {

    public static final String FILE = "prompts/catalogue.yaml";

    /** The texts of one prompt. */
    public record Texts(String ar, String en) {
        public String in(Language language) {
            return language == Language.EN ? en : ar;
        }
    }

    private final Map<String, Texts> prompts;

    private PromptCatalogue(Map<String, Texts> prompts) {
        this.prompts = Map.copyOf(prompts);
    }

    /** Loads {@value #FILE} from the config directory; every entry needs both texts. */
    public static PromptCatalogue load(Path configDir) {
        Path file = configDir.resolve(FILE);
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
        } catch (IOException e) {
            throw new IvrException(file + ": cannot be read (" + e.getMessage() + ")", e);
        }
        Map<String, Texts> prompts = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode ar = e.getValue().get("ar");
            JsonNode en = e.getValue().get("en");
            if (ar == null || en == null) {
                throw new IvrException(file + ": " + e.getKey() + " (expected: both ar and en texts)");
            }
            Prompt.of(e.getKey());
            prompts.put(e.getKey(), new Texts(ar.asText(), en.asText()));
        }
        return new PromptCatalogue(prompts);
    }

    public boolean contains(String id) {
        return prompts.containsKey(id);
    }

    public Optional<Texts> texts(String id) {
        return Optional.ofNullable(prompts.get(id));
    }

    public Set<String> ids() {
        return prompts.keySet();
    }

    /**
     * The text of a sound file the IVR asked Asterisk to play ({@code cc/ar/main-menu}), for the console phone and
     * test transcripts; the file itself when it is not a catalogue prompt.
     */
    public String textOfFile(String file) {
        String[] parts = file.split("/");
        if (parts.length >= 3) {
            Texts t = prompts.get(parts[parts.length - 1]);
            if (t != null) {
                return t.in(Language.fromCode(parts[parts.length - 2]));
            }
        }
        return "<" + file + ">";
    }
}
