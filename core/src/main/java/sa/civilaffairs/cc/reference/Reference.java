package sa.civilaffairs.cc.reference;

import sa.civilaffairs.cc.DomainException;
import sa.civilaffairs.cc.text.Digits;

/**
 * A reference a person can read out and type on a keypad: {@value #LENGTH} digits, the first the
 * {@link ReferenceKind}, the last a Damm check digit (catches every single-digit error and every swap of two
 * neighbouring digits).
 */
public record Reference(String value) {
    public static final int LENGTH = 9;

    private static final int[][] DAMM = {
            {0, 3, 1, 7, 5, 9, 8, 6, 4, 2},
            {7, 0, 9, 2, 1, 5, 4, 8, 6, 3},
            {4, 2, 0, 6, 8, 7, 1, 3, 5, 9},
            {1, 7, 5, 0, 9, 8, 3, 4, 2, 6},
            {6, 1, 2, 3, 0, 4, 5, 9, 7, 8},
            {3, 6, 7, 4, 2, 0, 9, 5, 8, 1},
            {5, 8, 6, 9, 7, 2, 0, 1, 3, 4},
            {8, 9, 4, 5, 3, 6, 2, 0, 1, 7},
            {9, 4, 3, 8, 6, 1, 7, 2, 0, 5},
            {2, 5, 8, 1, 4, 3, 6, 7, 9, 0}};

    public Reference {
        if (value == null || value.length() != LENGTH || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new InvalidReferenceException("reference: " + value + " (expected: " + LENGTH + " digits)");
        }
        if (ReferenceKind.ofDigit(value.charAt(0)).isEmpty()) {
            throw new InvalidReferenceException("reference: " + value + " (expected: first digit 1-5)");
        }
        if (damm(value) != 0) {
            throw new InvalidReferenceException("reference: " + value + " (expected: a valid check digit)");
        }
    }

    /** Parses a typed reference in any digit script, with spaces or dashes. */
    public static Reference parse(CharSequence typed) {
        String digits = typed == null ? null : Digits.compactNumber(typed.toString().strip());
        if (digits == null) {
            throw new InvalidReferenceException("reference: " + typed + " (expected: " + LENGTH + " digits)");
        }
        return new Reference(digits);
    }

    public static java.util.Optional<Reference> tryParse(CharSequence typed) {
        try {
            return java.util.Optional.of(parse(typed));
        } catch (InvalidReferenceException e) {
            return java.util.Optional.empty();
        }
    }

    /** Builds the reference of {@code kind} for a body of {@value #LENGTH}-2 digits, appending the check digit. */
    public static Reference of(ReferenceKind kind, String body) {
        String partial = kind.digit() + String.valueOf(body);
        if (partial.length() != LENGTH - 1 || !partial.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new InvalidReferenceException("reference body: " + body + " (expected: " + (LENGTH - 2)
                    + " digits)");
        }
        return new Reference(partial + (char) ('0' + damm(partial)));
    }

    public ReferenceKind kind() {
        return ReferenceKind.ofDigit(value.charAt(0)).orElseThrow();
    }

    /** Grouped for reading: {@code 1 234 567 89}, the kind digit, two groups of three, and the last two digits. */
    public String grouped() {
        return value.charAt(0) + " " + value.substring(1, 4) + " " + value.substring(4, 7) + " " + value.substring(7);
    }

    @Override
    public String toString() {
        return value;
    }

    private static int damm(String digits) {
        int interim = 0;
        for (int i = 0; i < digits.length(); i++) {
            interim = DAMM[interim][digits.charAt(i) - '0'];
        }
        return interim;
    }

    /** A reference that is not well-formed. */
    public static final class InvalidReferenceException extends DomainException {
        public InvalidReferenceException(String message) {
            super(message);
        }
    }
}
