package sa.civilaffairs.cc.registry.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import sa.civilaffairs.cc.DomainException;
import sa.civilaffairs.cc.identity.InvalidIdentityException;
import sa.civilaffairs.cc.identity.Mobile;
import sa.civilaffairs.cc.identity.NationalId;
import sa.civilaffairs.cc.registry.Person;

/**
 * The civil registry's person document (PRODUCT.md, "The civil registry (upstream)"):
 * {@code {"nationalId":"1000000008","nameAr":"…","nameEn":"…","birthDate":"1938-05-01","gender":"M|F",
 * "mobile":"9665XXXXXXXX","status":"ALIVE|DECEASED","kind":"CITIZEN|RESIDENT","disability":true|false}}.
 *
 * <p>Reading is strict where a wrong value would mislead (ID, birth date, gender, status, kind) and lenient where
 * the registry's data is known to be patchy: a mobile that is absent, empty or not a Saudi mobile reads as none,
 * missing names as empty, a missing {@code disability} as {@code false}; unknown fields are ignored. Thread-safe.
 */
public final class RegistryJson {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();

    private RegistryJson() {
    }

    /**
     * Reads one person document.
     *
     * @throws MalformedPersonException when it is not JSON, not an object, or a required field is missing or wrong;
     *                                  the message names the field and never holds a whole ID or a name
     */
    public static Person parse(byte[] body) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (IOException e) {
            throw new MalformedPersonException("body: not JSON (" + e.getClass().getSimpleName() + ")");
        }
        return parse(root);
    }

    /** {@link #parse(byte[])} of a string. */
    public static Person parse(String body) {
        return parse(body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** {@link #parse(byte[])} of an already read tree, e.g. one element of the demo people's array. */
    public static Person parse(JsonNode root) {
        if (root == null || !root.isObject()) {
            throw new MalformedPersonException("body: " + (root == null || root.isMissingNode() ? "empty"
                    : root.getNodeType().toString().toLowerCase(Locale.ROOT))
                    + " (expected: a JSON object)");
        }
        NationalId id;
        try {
            id = NationalId.parse(required(root, "nationalId"));
        } catch (InvalidIdentityException e) {
            throw new MalformedPersonException(e.getMessage());
        }
        return new Person(id, optional(root, "nameAr").orElse(""), optional(root, "nameEn").orElse(""),
                birthDate(required(root, "birthDate")),
                enumValue(Person.Gender.class, root, "gender"),
                optional(root, "mobile").flatMap(Mobile::tryParse),
                enumValue(Person.LifeStatus.class, root, "status"),
                enumValue(Person.Kind.class, root, "kind"),
                disability(root.get("disability")));
    }

    /** The document for {@code person}; the mobile is left out when there is none. For the registry double. */
    public static String format(Person person) {
        ObjectNode node = JSON.createObjectNode();
        node.put("nationalId", person.nationalId().value());
        node.put("nameAr", person.nameAr());
        node.put("nameEn", person.nameEn());
        node.put("birthDate", person.birthDate().toString());
        node.put("gender", person.gender().name());
        person.mobile().ifPresent(mobile -> node.put("mobile", mobile.e164()));
        node.put("status", person.status().name());
        node.put("kind", person.kind().name());
        node.put("disability", person.disability());
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an ObjectNode always serialises", e);
        }
    }

    /** Reads any JSON text into a tree; for documents that hold person documents (the demo people's array). */
    public static JsonNode tree(byte[] json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new MalformedPersonException("json: not JSON (" + e.getOriginalMessage() + ")");
        } catch (IOException e) {
            throw new MalformedPersonException("json: unreadable (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static String required(JsonNode root, String field) {
        return optional(root, field).orElseThrow(() -> new MalformedPersonException(field + ": missing"
                + " (expected: a value)"));
    }

    private static Optional<String> optional(JsonNode root, String field) {
        JsonNode value = root.get(field);
        if (value == null || value.isNull() || !value.isValueNode() || value.asText().isBlank()) {
            return Optional.empty();
        }
        return Optional.of(value.asText().strip());
    }

    private static LocalDate birthDate(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            // the value itself is personal data: not in the message
            throw new MalformedPersonException("birthDate: not a date (expected: an ISO date, yyyy-MM-dd)");
        }
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, JsonNode root, String field) {
        String text = required(root, field);
        try {
            return Enum.valueOf(type, text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            String shown = text.length() > 16 ? text.substring(0, 16) + "…" : text;
            throw new MalformedPersonException(field + ": " + shown + " (expected: one of "
                    + java.util.Arrays.toString(type.getEnumConstants()) + ")");
        }
    }

    private static boolean disability(JsonNode value) {
        if (value == null || value.isNull()) {
            return false;
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        String text = value.isTextual() ? value.asText().strip().toLowerCase(Locale.ROOT) : "";
        if (text.equals("true") || text.equals("false")) {
            return Boolean.parseBoolean(text);
        }
        throw new MalformedPersonException("disability: " + value.getNodeType() + " (expected: true or false)");
    }

    /** A person document that cannot be read. The message names the field; it never holds a whole ID or a name. */
    public static final class MalformedPersonException extends DomainException {
        public MalformedPersonException(String message) {
            super(message);
        }
    }
}
