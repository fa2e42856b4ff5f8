package sa.civilaffairs.cc.smpp;

import sa.civilaffairs.cc.identity.Mobile;

/** Phone numbers as the SMSC writes them, turned into the form the gateway stores (personal data: masked in logs). */
public final class Handset {
    private Handset() {
    }

    /** E.164 digits ({@code 9665XXXXXXXX}) for a Saudi mobile in any spelling; other addresses as given, trimmed. */
    public static String normalise(String address) {
        if (address == null) {
            return "";
        }
        return Mobile.tryParse(address).map(Mobile::e164).orElse(address.strip());
    }

    /** All but the last 4 characters replaced by {@code *}. */
    public static String mask(String number) {
        if (number == null || number.isEmpty()) {
            return "<empty>";
        }
        int keep = Math.min(4, number.length());
        return "*".repeat(number.length() - keep) + number.substring(number.length() - keep);
    }
}
