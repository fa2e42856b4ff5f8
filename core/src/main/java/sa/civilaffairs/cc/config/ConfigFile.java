package sa.civilaffairs.cc.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A YAML file whose values may name environment variables as {@code ${NAME:default}} (Zipkin's convention): the
 * variable wins when it is set and not empty, otherwise the default after the colon. Readers say which key was wrong,
 * with the exception type the reading module reports bad configuration with.
 */
public final class ConfigFile {
    /** Makes the exception for a bad or unreadable file; {@code cause} may be null. */
    @FunctionalInterface
    public interface Problem {
        RuntimeException of(String message, Throwable cause);
    }


    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(?::([^}]*))?}");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final String source;
    private final JsonNode root;
    private final Problem problem;

    private ConfigFile(String source, JsonNode root, Problem problem) {
        this.source = source;
        this.root = root;
        this.problem = problem;
    }

    public static ConfigFile read(Path file, Map<String, String> env, Problem problem) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw problem.of(file + ": cannot be read (" + e.getMessage() + ")", e);
        }
        return parse(file.toString(), text, env, problem);
    }

    public static ConfigFile parse(String source, String text, Map<String, String> env, Problem problem) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = env.get(m.group(1));
            if (value == null || value.isEmpty()) {
                if (m.group(2) == null) {
                    throw problem.of(source + ": environment variable " + m.group(1)
                            + " is not set and has no default", null);
                }
                value = m.group(2);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        try {
            JsonNode root = YAML.readTree(out.toString());
            return new ConfigFile(source, root == null ? YAML.createObjectNode() : root, problem);
        } catch (IOException e) {
            throw problem.of(source + ": not valid YAML (" + e.getMessage() + ")", e);
        }
    }

    public JsonNode root() {
        return root;
    }

    public String source() {
        return source;
    }

    /** The node at a dotted path ({@code binds.0.host} indexes a list), or a missing node. */
    public JsonNode at(String path) {
        JsonNode node = root;
        for (String part : path.split("\\.")) {
            node = node.isArray() && part.matches("\\d+") ? node.path(Integer.parseInt(part)) : node.path(part);
        }
        return node;
    }

    public String text(String path, String fallback) {
        JsonNode n = at(path);
        if (n.isMissingNode() || n.isNull()) {
            return fallback;
        }
        if (!n.isValueNode()) {
            throw wrong(path, n.toString(), "a single value");
        }
        return n.asText().strip();
    }

    public int integer(String path, int fallback, int min, int max) {
        String s = text(path, null);
        if (s == null || s.isEmpty()) {
            return fallback;
        }
        try {
            int v = Integer.parseInt(s);
            if (v < min || v > max) {
                throw wrong(path, s, "a whole number from " + min + " to " + max);
            }
            return v;
        } catch (NumberFormatException e) {
            throw wrong(path, s, "a whole number from " + min + " to " + max);
        }
    }

    public boolean bool(String path, boolean fallback) {
        String s = text(path, null);
        if (s == null || s.isEmpty()) {
            return fallback;
        }
        return switch (s.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw wrong(path, s, "true or false");
        };
    }

    /** An ISO-8601 duration such as {@code PT30M}, or a plain {@code 30m}, {@code 45s}, {@code 12h}, {@code 500ms}. */
    public Duration duration(String path, Duration fallback, Duration min, Duration max) {
        String s = text(path, null);
        if (s == null || s.isEmpty()) {
            return fallback;
        }
        Duration d;
        try {
            d = s.matches("\\d+ms") ? Duration.ofMillis(Long.parseLong(s.substring(0, s.length() - 2)))
                    : s.matches("\\d+[smhd]") ? Duration.parse(s.endsWith("d") ? "P" + s.toUpperCase(Locale.ROOT)
                    : "PT" + s.toUpperCase(Locale.ROOT)) : Duration.parse(s);
        } catch (DateTimeParseException e) {
            throw wrong(path, s, "a duration such as PT30M, 30m, 45s or 500ms");
        }
        if (d.compareTo(min) < 0 || d.compareTo(max) > 0) {
            throw wrong(path, s, "a duration from " + min + " to " + max);
        }
        return d;
    }

    /** The exception to throw for a bad value at {@code path}: the file, the key, the value and what was expected. */
    public RuntimeException wrong(String path, String value, String expected) {
        return problem.of(source + ": " + path + ": '" + value + "' (expected: " + expected + ")", null);
    }
}
