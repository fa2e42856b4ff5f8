package sa.civilaffairs.cc.office;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import sa.civilaffairs.cc.office.LocatedYaml.Entry;
import sa.civilaffairs.cc.office.LocatedYaml.Mapping;
import sa.civilaffairs.cc.office.LocatedYaml.Node;
import sa.civilaffairs.cc.office.LocatedYaml.Scalar;
import sa.civilaffairs.cc.office.LocatedYaml.Sequence;

/**
 * Reads typed values out of a {@link LocatedYaml} tree of one file. Every failure is a {@link CatalogueException}
 * with the file, the line and {@code where} (e.g. {@code office JED-02 section WOMEN}) in front of the reason.
 */
final class YamlFields {

    /** An inclusive date range given as {@code date:} or as {@code from:} and {@code to:}. */
    record Span(LocalDate from, LocalDate to) {
    }

    private final String file;

    YamlFields(String file) {
        this.file = file;
    }

    CatalogueException fail(int line, String where, String reason) {
        return new CatalogueException(file, line, where.isEmpty() ? reason : where + ": " + reason);
    }

    /** Runs a record constructor or a check; its {@link IllegalArgumentException} becomes a failure at {@code line}. */
    <T> T at(int line, String where, Supplier<T> build) {
        try {
            return build.get();
        } catch (IllegalArgumentException e) {
            throw fail(line, where, e.getMessage());
        }
    }

    void check(int line, String where, Runnable check) {
        at(line, where, () -> {
            check.run();
            return null;
        });
    }

    Mapping mapping(Node node, String where, String expected) {
        if (node instanceof Mapping m) {
            return m;
        }
        throw fail(node.line(), where, "found " + describe(node) + " (expected: " + expected + ")");
    }

    /** The items of a sequence; an empty value is an empty list and a single scalar a list of one. */
    List<Node> items(Node node, String where) {
        if (node instanceof Sequence s) {
            return s.items();
        }
        if (node instanceof Scalar s) {
            return s.isNull() ? List.of() : List.of(s);
        }
        throw fail(node.line(), where, "found a mapping (expected: a list)");
    }

    String text(Node node, String where) {
        if (node instanceof Scalar s && !s.isNull() && !s.text().isBlank()) {
            return s.text().strip();
        }
        throw fail(node.line(), where, "found " + describe(node) + " (expected: a value)");
    }

    Node require(Mapping mapping, String key, String where) {
        return mapping.get(key).map(Entry::value)
                .orElseThrow(() -> fail(mapping.line(), where, "'" + key + "' is missing"));
    }

    Optional<Node> optional(Mapping mapping, String key) {
        return mapping.get(key).map(Entry::value);
    }

    /** Refuses keys other than {@code allowed}, so that a misspelt key is an error rather than silently ignored. */
    void allowOnly(Mapping mapping, String where, String... allowed) {
        Set<String> known = Set.of(allowed);
        for (Entry entry : mapping.entries()) {
            if (!known.contains(entry.key())) {
                throw fail(entry.line(), where, "unknown key '" + entry.key() + "' (expected: "
                        + String.join(", ", allowed) + ")");
            }
        }
    }

    <E extends Enum<E>> E constant(Class<E> type, String text, int line, String where, String what) {
        try {
            return Enum.valueOf(type, text.strip());
        } catch (IllegalArgumentException e) {
            throw fail(line, where, "unknown " + what + " '" + text + "' (expected one of: "
                    + String.join(", ", Arrays.stream(type.getEnumConstants()).map(Enum::name).toList()) + ")");
        }
    }

    int integer(Node node, String where, String what) {
        String text = text(node, where);
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw fail(node.line(), where, what + " '" + text + "' (expected: a whole number)");
        }
    }

    LocalDate date(Node node, String where) {
        String text = text(node, where);
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw fail(node.line(), where, "date '" + text + "' (expected: a real date as YYYY-MM-DD)");
        }
    }

    /** Reads {@code date:}, or {@code from:} and {@code to:}, from {@code mapping}. */
    Span span(Mapping mapping, String where) {
        Optional<Node> date = optional(mapping, "date");
        Optional<Node> from = optional(mapping, "from");
        Optional<Node> to = optional(mapping, "to");
        if (date.isPresent() && from.isEmpty() && to.isEmpty()) {
            LocalDate day = date(date.get(), where);
            return new Span(day, day);
        }
        if (date.isEmpty() && from.isPresent() && to.isPresent()) {
            return new Span(date(from.get(), where), date(to.get(), where));
        }
        throw fail(mapping.line(), where, "dates (expected: either 'date', or both 'from' and 'to')");
    }

    /** A mapping with {@code ar} and {@code en} texts. */
    Bilingual bilingual(Node node, String where) {
        Mapping m = mapping(node, where, "ar and en texts, e.g. { ar: ..., en: ... }");
        allowOnly(m, where, "ar", "en");
        String ar = text(require(m, "ar", where), where);
        String en = text(require(m, "en", where), where);
        return at(m.line(), where, () -> new Bilingual(ar, en));
    }

    private static String describe(Node node) {
        if (node instanceof Scalar s) {
            return s.isNull() ? "nothing" : "'" + s.text() + "'";
        }
        return node instanceof Mapping ? "a mapping" : "a list";
    }
}
