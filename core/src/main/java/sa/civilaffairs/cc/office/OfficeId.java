package sa.civilaffairs.cc.office;

/** An office's stable identifier from the catalogue, e.g. {@code RUH-01}: upper-case letters, digits and dashes. */
public record OfficeId(String value) {
    public OfficeId {
        if (value == null || !value.matches("[A-Z][A-Z0-9-]{1,15}")) {
            throw new IllegalArgumentException("officeId: " + value + " (expected: e.g. RUH-01, A-Z 0-9 and dashes)");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
