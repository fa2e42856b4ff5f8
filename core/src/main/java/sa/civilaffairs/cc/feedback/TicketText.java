package sa.civilaffairs.cc.feedback;

/**
 * The citizen's words, validated: stripped, not blank, at most {@value #MAX} characters (a long SMS of several
 * parts, or a console form), no control characters other than line breaks.
 */
public record TicketText(String value) {
    public static final int MAX = 1000;

    public TicketText {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("ticket text: empty (expected: the complaint, suggestion or question)");
        }
        value = value.strip().replace("\r\n", "\n");
        if (value.length() > MAX) {
            throw new IllegalArgumentException("ticket text: " + value.length() + " characters (expected: at most "
                    + MAX + ")");
        }
        if (value.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\t')) {
            throw new IllegalArgumentException("ticket text: control characters (expected: plain text)");
        }
    }

    /** For logs: the length only; the citizen's words may name people. Use {@link #value()} to show them. */
    @Override
    public String toString() {
        return "TicketText[" + value.length() + " chars]";
    }
}
