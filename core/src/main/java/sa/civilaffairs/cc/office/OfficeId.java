package sa.civilaffairs.cc.office;

import java.util.regex.Pattern;

/** An office's stable identifier from the catalogue, e.g. {@code RUH-01}: upper-case letters, digits and dashes. */
public record OfficeId(String value) {
    private static final Pattern FORM = Pattern.compile("[A-Z][A-Z0-9-]{1,15}");

    public OfficeId {
        if (value == null || !FORM.matcher(value).matches()) {
            throw new IllegalArgumentException("officeId: " + value + " (expected: e.g. RUH-01, A-Z 0-9 and dashes)");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
