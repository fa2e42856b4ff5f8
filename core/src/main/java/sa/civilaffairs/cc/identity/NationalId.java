package sa.civilaffairs.cc.identity;

import sa.civilaffairs.cc.text.Digits;

/**
 * A national ID (citizen, first digit 1) or Iqama number (resident, first digit 2): ten digits, the last a Luhn
 * check digit. Personal data: {@link #toString()} is masked; use {@link #value()} only where the full number is needed.
 */
public record NationalId(String value) {

    public NationalId {
        if (value == null || value.length() != 10 || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new InvalidIdentityException("nationalId: " + mask(value)
                    + " (expected: 10 digits starting with 1 or 2)");
        }
        if (value.charAt(0) != '1' && value.charAt(0) != '2') {
            throw new InvalidIdentityException("nationalId: " + mask(value)
                    + " (expected: first digit 1 for a citizen or 2 for a resident)");
        }
        if (!luhnValid(value)) {
            throw new InvalidIdentityException("nationalId: " + mask(value) + " (expected: a valid check digit)");
        }
    }

    /** Parses what a person typed or said: any digit script, with spaces or dashes. */
    public static NationalId parse(CharSequence typed) {
        if (typed == null) {
            throw new InvalidIdentityException("nationalId: empty (expected: 10 digits starting with 1 or 2)");
        }
        String digits = Digits.compactNumber(typed.toString().strip());
        if (digits == null) {
            throw new InvalidIdentityException("nationalId: " + mask(typed.toString())
                    + " (expected: digits only, with optional spaces or dashes)");
        }
        return new NationalId(digits);
    }

    /** {@code true} when {@code typed} parses as a valid national ID or Iqama number. */
    public static boolean isValid(CharSequence typed) {
        try {
            parse(typed);
            return true;
        } catch (InvalidIdentityException e) {
            return false;
        }
    }

    public boolean isCitizen() {
        return value.charAt(0) == '1';
    }

    public boolean isResident() {
        return value.charAt(0) == '2';
    }

    /** The form for logs: all but the last four digits hidden. */
    public String masked() {
        return mask(value);
    }

    @Override
    public String toString() {
        return masked();
    }

    static boolean luhnValid(String digits) {
        int sum = 0;
        boolean twice = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (twice) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            twice = !twice;
        }
        return sum % 10 == 0;
    }

    /** The Luhn check digit that completes {@code nineDigits}; for building test and demo IDs. */
    public static char luhnCheckDigit(String nineDigits) {
        for (char c = '0'; c <= '9'; c++) {
            if (luhnValid(nineDigits + c)) {
                return c;
            }
        }
        throw new IllegalStateException("unreachable");
    }

    static String mask(String raw) {
        if (raw == null || raw.isEmpty()) {
            return "<empty>";
        }
        String s = raw.strip();
        int keep = Math.min(4, s.length());
        return "*".repeat(Math.max(0, s.length() - keep)) + s.substring(s.length() - keep);
    }
}
