package sa.civilaffairs.cc.console.web;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import sa.civilaffairs.cc.console.ConsoleException;

/**
 * A request the API refuses: an HTTP status, a stable {@code code} for programs, and a message key that is rendered in
 * the user's language; {@code fields} carries one message per invalid input field.
 */
public final class ApiException extends ConsoleException {
    private final int status;
    private final String code;
    private final String messageKey;
    private final String[] args;
    private final Map<String, FieldErrors.Message> fields;
    private final Optional<Duration> retryAfter;

    private ApiException(int status, String code, String messageKey, Map<String, FieldErrors.Message> fields,
                         Optional<Duration> retryAfter, String... args) {
        super(code + " (" + status + ")");
        this.status = status;
        this.code = code;
        this.messageKey = messageKey;
        this.args = args.clone();
        this.fields = Map.copyOf(fields);
        this.retryAfter = retryAfter;
    }

    public static ApiException of(int status, String code, String messageKey, String... args) {
        return new ApiException(status, code, messageKey, Map.of(), Optional.empty(), args);
    }

    public static ApiException invalid(Map<String, FieldErrors.Message> fields) {
        return new ApiException(400, "INVALID_INPUT", "error.invalidInput", fields, Optional.empty());
    }

    /** A refusal about one field that only the store could detect (a taken username). */
    public static ApiException invalidWith(int status, String code, String field, String fieldKey) {
        return new ApiException(status, code, "error.invalidInput", Map.of(field, new FieldErrors.Message(fieldKey)),
                Optional.empty());
    }

    public static ApiException sessionRequired() {
        return of(401, "SESSION_REQUIRED", "error.sessionRequired");
    }

    public static ApiException forbidden() {
        return of(403, "FORBIDDEN", "error.forbidden");
    }

    public static ApiException csrf() {
        return of(403, "CSRF_REJECTED", "error.csrf");
    }

    public static ApiException throttled(Duration retryAfter) {
        long minutes = Math.max(1, (retryAfter.toSeconds() + 59) / 60);
        return new ApiException(429, "SIGN_IN_THROTTLED", "error.signInThrottled", Map.of(), Optional.of(retryAfter),
                Long.toString(minutes));
    }

    public static ApiException registryUnavailable() {
        return of(503, "REGISTRY_UNAVAILABLE", "error.registryUnavailable");
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String messageKey() {
        return messageKey;
    }

    public String[] args() {
        return args.clone();
    }

    public Map<String, FieldErrors.Message> fields() {
        return fields;
    }

    public Optional<Duration> retryAfter() {
        return retryAfter;
    }
}
