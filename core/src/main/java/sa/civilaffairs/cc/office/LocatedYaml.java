package sa.civilaffairs.cc.office;

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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A YAML document read with Jackson's streaming parser into a tree that keeps the line of every key and value, so
 * that a validation error can point at the line an operator has to fix. Scalars keep their text as written, so
 * {@code 16:00} or {@code no} are never reinterpreted as numbers or booleans.
 */
final class LocatedYaml {

    private static final YAMLFactory FACTORY = new YAMLFactory();

    private LocatedYaml() {
    }

    sealed interface Node permits Scalar, Mapping, Sequence {
        int line();
    }

    /** A scalar as written; {@code isNull} for an empty value ({@code key:} with nothing after it). */
    record Scalar(String text, boolean isNull, int line) implements Node {
    }

    record Entry(String key, int line, Node value) {
    }

    record Mapping(List<Entry> entries, int line) implements Node {
        Optional<Entry> get(String key) {
            return entries.stream().filter(e -> e.key().equals(key)).findFirst();
        }
    }

    record Sequence(List<Node> items, int line) implements Node {
    }

    /** Reads {@code path}; any problem is a {@link CatalogueException} naming the file (and the line when known). */
    static Node read(Path path) {
        String file = path.getFileName().toString();
        try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8);
             JsonParser parser = FACTORY.createParser(reader)) {
            if (parser.nextToken() == null) {
                throw new CatalogueException(file, 0, "the file is empty");
            }
            Node root = node(parser, file);
            if (parser.nextToken() != null) {
                throw new CatalogueException(file, line(parser), "a second YAML document (expected: one document)");
            }
            return root;
        } catch (NoSuchFileException e) {
            throw new CatalogueException(file, 0, "not found at " + path.toAbsolutePath(), e);
        } catch (StreamReadException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new CatalogueException(file, line, "not valid YAML: " + e.getOriginalMessage().strip(), e);
        } catch (IOException e) {
            throw new CatalogueException(file, 0, "cannot be read: " + e, e);
        }
    }

    private static Node node(JsonParser parser, String file) throws IOException {
        int line = line(parser);
        if (parser instanceof YAMLParser yaml && yaml.isCurrentAlias()) {
            // Jackson would hand over the alias's name as if it were the value.
            throw new CatalogueException(file, line, "YAML alias *" + parser.getText()
                    + " (expected: plain values; share settings with plans and menus instead)");
        }
        JsonToken token = parser.currentToken();
        switch (token) {
            case START_OBJECT -> {
                List<Entry> entries = new ArrayList<>();
                Map<String, Integer> seen = new HashMap<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String key = parser.currentName();
                    int keyLine = line(parser);
                    Integer earlier = seen.putIfAbsent(key, keyLine);
                    if (earlier != null) {
                        throw new CatalogueException(file, keyLine,
                                "key '" + key + "' given twice (first at line " + earlier + ")");
                    }
                    parser.nextToken();
                    entries.add(new Entry(key, keyLine, node(parser, file)));
                }
                return new Mapping(List.copyOf(entries), line);
            }
            case START_ARRAY -> {
                List<Node> items = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    items.add(node(parser, file));
                }
                return new Sequence(List.copyOf(items), line);
            }
            case VALUE_NULL -> {
                return new Scalar("", true, line);
            }
            default -> {
                return new Scalar(parser.getText(), false, line);
            }
        }
    }

    private static int line(JsonParser parser) {
        return parser.currentTokenLocation().getLineNr();
    }
}
