package sa.civilaffairs.cc.console.web;

import java.util.Locale;
import java.util.Optional;
import sa.civilaffairs.cc.identity.Mobile;
import sa.civilaffairs.cc.identity.NationalId;

/**
 * Reading typed form fields into values, with one message per refused field in {@link FieldErrors}, for the features'
 * APIs. Each method returns empty when the field was refused (or, for optional fields, left empty).
 */
public final class Inputs {
    private Inputs() {
    }

    /** A required national ID / Iqama number (check digit verified, with its own message). */
    public static Optional<NationalId> nationalId(ApiCall call, String field, FieldErrors errors) {
        String typed = call.input(field);
        if (typed.isEmpty()) {
            errors.add(field, "field.required");
            return Optional.empty();
        }
        Optional<NationalId> id = PersonApi.parseId(typed, field, errors);
        if (id.isEmpty()) {
            errors.add(field, "field.nationalId");
        }
        return id;
    }

    /** An optional Saudi mobile: empty when left empty, refused when typed but not a mobile. */
    public static Optional<Mobile> optionalMobile(ApiCall call, String field, FieldErrors errors) {
        String typed = call.input(field);
        if (typed.isEmpty()) {
            return Optional.empty();
        }
        Optional<Mobile> m = typed.length() > 20 ? Optional.empty() : Mobile.tryParse(typed);
        if (m.isEmpty()) {
            errors.add(field, "field.mobile");
        }
        return m;
    }

    /** A required mobile. */
    public static Optional<Mobile> mobile(ApiCall call, String field, FieldErrors errors) {
        if (call.input(field).isEmpty()) {
            errors.add(field, "field.required");
            return Optional.empty();
        }
        return optionalMobile(call, field, errors);
    }

    public static <E extends Enum<E>> Optional<E> requiredEnum(ApiCall call, String field, Class<E> type,
                                                               FieldErrors errors) {
        if (call.input(field).isEmpty()) {
            errors.add(field, "field.required");
            return Optional.empty();
        }
        return optionalEnum(call, field, type, errors);
    }

    /** One of the enum's constant names (case-insensitive); refused with {@code field.choice}. */
    public static <E extends Enum<E>> Optional<E> optionalEnum(ApiCall call, String field, Class<E> type,
                                                               FieldErrors errors) {
        String typed = call.input(field);
        if (typed.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Enum.valueOf(type, typed.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            errors.add(field, "field.choice");
            return Optional.empty();
        }
    }

    /** Free text of at most {@code max} characters; required unless {@code optional}. */
    public static String text(ApiCall call, String field, int max, boolean optional, FieldErrors errors) {
        String typed = call.input(field);
        if (typed.isEmpty() && !optional) {
            errors.add(field, "field.required");
        } else if (typed.length() > max) {
            errors.add(field, "field.tooLong", Integer.toString(max));
        }
        return typed;
    }
}
