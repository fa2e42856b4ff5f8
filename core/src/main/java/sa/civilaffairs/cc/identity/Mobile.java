package sa.civilaffairs.cc.identity;

import sa.civilaffairs.cc.text.Digits;

/**
 * A Saudi mobile number as E.164 digits without the plus: {@code 9665XXXXXXXX}. Accepts the local form
 * {@code 05XXXXXXXX}, {@code 5XXXXXXXX}, and the international forms with {@code +}, {@code 00} or nothing.
 * Personal data: {@link #toString()} is masked.
 */
public record Mobile(String e164) {

    private static final String EXPECTED = " (expected: Saudi mobile, 05XXXXXXXX or 9665XXXXXXXX)";

    public Mobile {
        if (e164 == null || e164.length() != 12 || !e164.startsWith("9665")
                || !e164.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new InvalidIdentityException("msisdn: " + NationalId.mask(e164) + EXPECTED);
        }
    }

    /** Parses any of the spellings in the spec, in any digit script, with spaces or dashes. */
    public static Mobile parse(CharSequence typed) {
        if (typed == null || typed.toString().isBlank()) {
            throw new InvalidIdentityException("msisdn: <empty>" + EXPECTED);
        }
        // bidi marks often come along when a number is copied from right-to-left text, also before the plus
        String s = typed.toString().replaceAll("\\p{Cf}", "").strip();
        boolean plus = s.startsWith("+");
        String digits = Digits.compactNumber(plus ? s.substring(1) : s);
        if (digits == null) {
            throw new InvalidIdentityException("msisdn: " + NationalId.mask(s) + EXPECTED);
        }
        String national;
        if (!plus && digits.startsWith("00966")) {
            national = digits.substring(5);
        } else if (digits.startsWith("966")) {
            national = digits.substring(3);
        } else if (plus || digits.startsWith("00")) {
            // 00 is the international prefix: what follows is another country's code
            throw new InvalidIdentityException("msisdn: " + NationalId.mask(s) + EXPECTED);
        } else if (digits.startsWith("0")) {
            national = digits.substring(1);
        } else {
            national = digits;
        }
        if (national.startsWith("0")) {
            national = national.substring(1); // +966 05… is a common mix of both forms
        }
        if (national.length() != 9 || national.charAt(0) != '5') {
            throw new InvalidIdentityException("msisdn: " + NationalId.mask(s) + EXPECTED);
        }
        return new Mobile("966" + national);
    }

    /** Like {@link #parse} but returns empty for anything that is not a Saudi mobile (landlines, short codes, names). */
    public static java.util.Optional<Mobile> tryParse(CharSequence typed) {
        try {
            return java.util.Optional.of(parse(typed));
        } catch (InvalidIdentityException e) {
            return java.util.Optional.empty();
        }
    }

    /** The local form a person reads: {@code 05XXXXXXXX}. */
    public String local() {
        return "0" + e164.substring(3);
    }

    public String masked() {
        return NationalId.mask(e164);
    }

    @Override
    public String toString() {
        return masked();
    }
}
