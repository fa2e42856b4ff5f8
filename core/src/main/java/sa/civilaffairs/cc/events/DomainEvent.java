package sa.civilaffairs.cc.events;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Something that happened in the domain, for the console and dashboards to follow: {@code type} like
 * {@code appointment.booked}, {@code visit.scheduled}, {@code ticket.updated}; {@code reference} of the item;
 * {@code attributes} non-personal details (office, region, status, channel). Never put names, IDs or numbers in
 * attributes unmasked.
 */
public record DomainEvent(String type, String reference, Instant at, Map<String, String> attributes) {
    private static final Pattern TYPE = Pattern.compile("[a-z]+(\\.[a-z_]+)+");

    public DomainEvent {
        if (type == null || !TYPE.matcher(type).matches()) {
            throw new IllegalArgumentException("event type: " + type + " (expected: e.g. appointment.booked)");
        }
        Objects.requireNonNull(at, "at");
        reference = reference == null ? "" : reference;
        attributes = Map.copyOf(attributes == null ? Map.of() : attributes);
    }

    public Map<String, String> toFields() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("type", type);
        fields.put("ref", reference);
        fields.put("at", Long.toString(at.toEpochMilli()));
        attributes.forEach((k, v) -> fields.put("a." + k, v));
        return fields;
    }

    public static DomainEvent fromFields(Map<String, String> fields) {
        Map<String, String> attributes = new LinkedHashMap<>();
        fields.forEach((k, v) -> {
            if (k.startsWith("a.")) {
                attributes.put(k.substring(2), v);
            }
        });
        return new DomainEvent(fields.get("type"), fields.get("ref"),
                Instant.ofEpochMilli(Long.parseLong(fields.get("at"))), attributes);
    }
}
