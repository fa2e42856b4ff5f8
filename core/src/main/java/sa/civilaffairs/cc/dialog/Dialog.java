package sa.civilaffairs.cc.dialog;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import sa.civilaffairs.cc.text.Language;

/**
 * One number's dialog: the step it stands at, the language of the conversation, what it has learned so far (plain
 * string values: IDs, choices, hold ids) and when the citizen last wrote. Values; the {@code with…} methods copy.
 */
public record Dialog(Step step, Language language, Map<String, String> data, Instant lastSeen) {

    public Dialog {
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(lastSeen, "lastSeen");
        data = Map.copyOf(data == null ? Map.of() : data);
    }

    public static Dialog at(Step step, Language language, Instant now) {
        return new Dialog(step, language, Map.of(), now);
    }

    public Dialog at(Step next) {
        return new Dialog(next, language, data, lastSeen);
    }

    public Dialog with(String key, String value) {
        Map<String, String> copy = new HashMap<>(data);
        if (value == null) {
            copy.remove(key);
        } else {
            copy.put(key, value);
        }
        return new Dialog(step, language, copy, lastSeen);
    }

    public Dialog withAll(Map<String, String> values) {
        Map<String, String> copy = new HashMap<>(data);
        copy.putAll(values);
        return new Dialog(step, language, copy, lastSeen);
    }

    public Dialog seen(Instant now, Language spoken) {
        return new Dialog(step, spoken, data, now);
    }

    public Optional<String> get(String key) {
        return Optional.ofNullable(data.get(key));
    }

    public String require(String key) {
        String value = data.get(key);
        if (value == null) {
            throw new IllegalStateException("dialog at " + step + " lacks " + key);
        }
        return value;
    }

    /** The fields of the Redis hash that stores it. */
    public Map<String, String> toFields() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("step", step.name());
        fields.put("lang", language.code());
        fields.put("seen", Long.toString(lastSeen.toEpochMilli()));
        data.forEach((k, v) -> fields.put("d." + k, v));
        return fields;
    }

    public static Dialog fromFields(Map<String, String> fields) {
        Map<String, String> data = new HashMap<>();
        fields.forEach((k, v) -> {
            if (k.startsWith("d.")) {
                data.put(k.substring(2), v);
            }
        });
        return new Dialog(Step.valueOf(fields.get("step")), Language.fromCode(fields.get("lang")), data,
                Instant.ofEpochMilli(Long.parseLong(fields.get("seen"))));
    }
}
