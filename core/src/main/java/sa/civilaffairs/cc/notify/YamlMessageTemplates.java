package sa.civilaffairs.cc.notify;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import sa.civilaffairs.cc.config.ConfigException;
import sa.civilaffairs.cc.text.Language;

/**
 * The SMS texts of {@code config/messages/ar.yaml} and {@code en.yaml}: flat YAML mappings of template id to text,
 * with {@code {name}} placeholders. Loaded once and validated: both files hold the same ids, each id has the same
 * placeholders in both languages, every text is non-empty and its braces are well-formed; the first problem stops
 * loading with a {@link ConfigException} that names the file, the line and the id. Immutable, thread-safe.
 */
public final class YamlMessageTemplates implements MessageTemplates {
    /** The folder under the config directory. */
    public static final String FOLDER = "messages";

    private static final Pattern ID = Pattern.compile("[a-z0-9_]+(\\.[a-z0-9_]+)*");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9_]*)}");
    private static final YAMLFactory YAML = new YAMLFactory();

    private final Map<Language, Map<String, String>> texts;

    private YamlMessageTemplates(Map<Language, Map<String, String>> texts) {
        this.texts = texts;
    }

    /** Loads {@code <configDir>/messages/<lang>.yaml} for every {@link Language}. */
    public static YamlMessageTemplates load(Path configDir) {
        Map<Language, Map<String, Located>> read = new EnumMap<>(Language.class);
        for (Language language : Language.values()) {
            read.put(language, read(configDir.resolve(FOLDER).resolve(language.code() + ".yaml")));
        }
        Language first = Language.values()[0];
        for (Language other : Language.values()) {
            if (other != first) {
                compare(read.get(first), read.get(other), other);
                compare(read.get(other), read.get(first), first);
            }
        }
        Map<Language, Map<String, String>> texts = new EnumMap<>(Language.class);
        read.forEach((language, located) -> {
            Map<String, String> plain = new LinkedHashMap<>();
            located.forEach((id, l) -> plain.put(id, l.text()));
            texts.put(language, Map.copyOf(plain));
        });
        return new YamlMessageTemplates(texts);
    }

    @Override
    public String render(String templateId, Language language, Map<String, String> values) {
        String template = texts.get(language).get(templateId);
        if (template == null) {
            throw new IllegalArgumentException("message template: " + templateId
                    + " (expected: an id of config/messages/" + language.code() + ".yaml)");
        }
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder(template.length() + 64);
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null) {
                throw new IllegalArgumentException("message " + templateId + ": no value for {" + m.group(1)
                        + "} (expected: values for " + placeholders(template) + ")");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    @Override
    public Set<String> ids() {
        return texts.get(Language.AR).keySet();
    }

    /** The placeholder names of a template, in order of appearance; for tests and tooling. */
    public Set<String> placeholdersOf(String templateId) {
        String template = texts.get(Language.AR).get(templateId);
        if (template == null) {
            throw new IllegalArgumentException("message template: " + templateId + " (expected: a known id)");
        }
        return placeholders(template);
    }

    private record Located(String text, String file, int line) {
        String where() {
            return FOLDER + "/" + file + ":" + line;
        }
    }

    private static void compare(Map<String, Located> a, Map<String, Located> b, Language bLanguage) {
        a.forEach((id, located) -> {
            Located other = b.get(id);
            if (other == null) {
                throw new ConfigException(located.where() + ": " + id + ": missing from " + FOLDER + "/"
                        + bLanguage.code() + ".yaml (expected: every id in every language)");
            }
            Set<String> mine = placeholders(located.text());
            Set<String> theirs = placeholders(other.text());
            if (!mine.equals(theirs)) {
                Set<String> missing = new LinkedHashSet<>(mine);
                missing.removeAll(theirs);
                throw new ConfigException(other.where() + ": " + id + ": placeholders " + theirs + " differ from "
                        + located.where() + " " + mine + (missing.isEmpty() ? "" : ", missing " + missing)
                        + " (expected: the same placeholders in every language)");
            }
        });
    }

    private static Set<String> placeholders(String text) {
        Set<String> names = new LinkedHashSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    private static Map<String, Located> read(Path path) {
        String file = path.getFileName().toString();
        Map<String, Located> entries = new LinkedHashMap<>();
        try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8);
             JsonParser parser = YAML.createParser(reader)) {
            JsonToken token = parser.nextToken();
            if (token != JsonToken.START_OBJECT) {
                throw new ConfigException(FOLDER + "/" + file + ":" + line(parser)
                        + ": not a mapping (expected: lines of the form  id: \"text\")");
            }
            while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
                String id = parser.currentName();
                int line = line(parser);
                String where = FOLDER + "/" + file + ":" + line + ": " + id;
                if (!ID.matcher(id).matches()) {
                    throw new ConfigException(where + ": bad id (expected: lower-case words joined by dots, e.g."
                            + " visit.scheduled)");
                }
                JsonToken value = parser.nextToken();
                if (parser instanceof YAMLParser yaml && yaml.isCurrentAlias()) {
                    throw new ConfigException(where + ": YAML alias (expected: the text written out)");
                }
                if (value != JsonToken.VALUE_STRING) {
                    throw new ConfigException(where + ": " + (value == JsonToken.VALUE_NULL ? "empty" : "not a text")
                            + " (expected: the message text in quotes)");
                }
                String text = parser.getText().strip();
                if (text.isEmpty()) {
                    throw new ConfigException(where + ": empty (expected: the message text)");
                }
                String stray = PLACEHOLDER.matcher(text).replaceAll("");
                if (stray.indexOf('{') >= 0 || stray.indexOf('}') >= 0) {
                    throw new ConfigException(where + ": stray brace in \"" + text
                            + "\" (expected: placeholders like {ref}, letters, digits and _ only)");
                }
                if (entries.putIfAbsent(id, new Located(text, file, line)) != null) {
                    throw new ConfigException(where + ": duplicate id (first at line " + entries.get(id).line()
                            + ")");
                }
            }
            if (entries.isEmpty()) {
                throw new ConfigException(FOLDER + "/" + file + ": no messages (expected: id: \"text\" lines)");
            }
            return entries;
        } catch (NoSuchFileException e) {
            throw new ConfigException(FOLDER + "/" + file + ": missing (expected: at " + path + ")");
        } catch (StreamReadException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new ConfigException(FOLDER + "/" + file + ":" + line + ": not valid YAML ("
                    + e.getOriginalMessage() + ")", e);
        } catch (IOException e) {
            throw new ConfigException(FOLDER + "/" + file + ": unreadable (" + e.getMessage() + ")", e);
        }
    }

    private static int line(JsonParser parser) {
        return parser.currentTokenLocation().getLineNr();
    }
}
