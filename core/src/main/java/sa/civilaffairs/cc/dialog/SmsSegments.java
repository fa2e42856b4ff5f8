package sa.civilaffairs.cc.dialog;

/**
 * How many SMS parts a text takes (PRODUCT.md, "SMS on 77799"): GSM-7 when every character is in the GSM 03.38
 * alphabet (160 alone, 153 per part; the extension characters count twice), UCS-2 otherwise (70 alone, 67 per part,
 * counted in UTF-16 units). Pure functions.
 */
public final class SmsSegments {
    public static final int UCS2_SINGLE = 70;
    public static final int UCS2_PART = 67;
    public static final int GSM_SINGLE = 160;
    public static final int GSM_PART = 153;

    private static final String GSM_BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private static final String GSM_EXTENSION = "^{}\\[~]|€\f";

    private SmsSegments() {
    }

    public static boolean isGsm7(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (GSM_BASIC.indexOf(c) < 0 && GSM_EXTENSION.indexOf(c) < 0) {
                return false;
            }
        }
        return true;
    }

    /** The number of parts {@code text} is sent in. */
    public static int count(CharSequence text) {
        if (isGsm7(text)) {
            int septets = 0;
            for (int i = 0; i < text.length(); i++) {
                septets += GSM_EXTENSION.indexOf(text.charAt(i)) >= 0 ? 2 : 1;
            }
            return septets <= GSM_SINGLE ? 1 : (septets + GSM_PART - 1) / GSM_PART;
        }
        int units = text.length();
        return units <= UCS2_SINGLE ? 1 : (units + UCS2_PART - 1) / UCS2_PART;
    }

    /** How many characters two parts hold for a text of this kind: 306 (GSM-7) or 134 (UCS-2). */
    public static int twoPartBudget(CharSequence sample) {
        return isGsm7(sample) ? 2 * GSM_PART : 2 * UCS2_PART;
    }
}
