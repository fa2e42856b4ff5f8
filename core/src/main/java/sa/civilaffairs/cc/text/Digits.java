package sa.civilaffairs.cc.text;

/**
 * Digits as citizens type them: Western (0-9), Arabic-Indic (٠-٩) and Extended Arabic-Indic (۰-۹).
 */
public final class Digits {
    private Digits() {
    }

    /** Replaces Arabic-Indic and Extended Arabic-Indic digits by their Western forms; other characters are kept. */
    public static String toWestern(CharSequence text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            out.append(toWestern(text.charAt(i)));
        }
        return out.toString();
    }

    public static char toWestern(char c) {
        if (c >= '\u0660' && c <= '\u0669') {
            return (char) ('0' + (c - '\u0660'));
        }
        if (c >= '\u06F0' && c <= '\u06F9') {
            return (char) ('0' + (c - '\u06F0'));
        }
        return c;
    }

    /**
     * Western digits of {@code text} once the separators people type inside numbers (spaces, dashes, dots,
     * non-breaking and bidi marks) are removed, or {@code null} when anything else is left.
     */
    public static String compactNumber(CharSequence text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = toWestern(text.charAt(i));
            if (c >= '0' && c <= '9') {
                out.append(c);
            } else if (!isSeparator(c)) {
                return null;
            }
        }
        return out.toString();
    }

    private static boolean isSeparator(char c) {
        return c == ' ' || c == '-' || c == '.' || c == '\u00A0' || c == '\u2010' || c == '\u2011'
                || c == '\u2012' || c == '\u2013' || c == '\u2014' || c == '\u2212' || c == '\u200E'
                || c == '\u200F' || c == '\u061C' || c == '\u202A' || c == '\u202B' || c == '\u202C'
                || c == '\u202D' || c == '\u202E' || c == '\t' || c == '\u0640';
    }
}
