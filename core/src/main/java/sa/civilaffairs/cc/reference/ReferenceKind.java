package sa.civilaffairs.cc.reference;

/** What a reference points at; its leading digit, so a reference read out on the phone already says its kind. */
public enum ReferenceKind {
    APPOINTMENT('1'),
    VISIT_REQUEST('2'),
    TICKET('3'),
    LOST_REPORT('4'),
    CALLBACK('5');

    private final char digit;

    ReferenceKind(char digit) {
        this.digit = digit;
    }

    public char digit() {
        return digit;
    }

    public static java.util.Optional<ReferenceKind> ofDigit(char digit) {
        for (ReferenceKind kind : values()) {
            if (kind.digit == digit) {
                return java.util.Optional.of(kind);
            }
        }
        return java.util.Optional.empty();
    }
}
