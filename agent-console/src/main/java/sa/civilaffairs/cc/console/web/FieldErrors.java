package sa.civilaffairs.cc.console.web;

import java.util.LinkedHashMap;
import java.util.Map;

/** Collects one message per invalid field, then refuses the request with all of them at once. */
public final class FieldErrors {
    /** A field's message key and its arguments, rendered in the user's language. */
    public record Message(String key, String... args) {
    }

    private final Map<String, Message> errors = new LinkedHashMap<>();

    public FieldErrors add(String field, String key, String... args) {
        errors.putIfAbsent(field, new Message(key, args));
        return this;
    }

    public boolean has(String field) {
        return errors.containsKey(field);
    }

    /** Throws {@link ApiException#invalid} when any field was refused. */
    public void throwIfAny() {
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
    }
}
