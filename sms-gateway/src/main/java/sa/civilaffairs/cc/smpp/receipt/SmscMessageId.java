package sa.civilaffairs.cc.smpp.receipt;

import java.math.BigInteger;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * SMSC message ids in the forms that make a receipt match its submit_sm_resp: SMSCs answer submit_sm with one form
 * and write receipts with another (hex in the response, decimal in the receipt, or the reverse; upper or lower case;
 * padded with zeros). Jasmin #375 #423 #472 and jsmpp #178 are receipts lost to this.
 */
public final class SmscMessageId {
    private SmscMessageId() {
    }

    /** Trimmed, lower case, without leading zeros ("0" stays). */
    public static String normalise(String id) {
        if (id == null) {
            return "";
        }
        String s = id.strip().toLowerCase(Locale.ROOT);
        int i = 0;
        while (i < s.length() - 1 && s.charAt(i) == '0') {
            i++;
        }
        return s.substring(i);
    }

    /**
     * The normalised id and the forms a receipt may use for it: read as hexadecimal, its decimal value; read as
     * decimal, its hexadecimal value. The id map stores all of them, so one lookup by the receipt's normalised id finds
     * the message whichever form the receipt uses.
     */
    public static Set<String> forms(String id) {
        String n = normalise(id);
        Set<String> out = new LinkedHashSet<>();
        if (n.isEmpty()) {
            return out;
        }
        out.add(n);
        if (n.length() <= 40 && n.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            out.add(new BigInteger(n, 16).toString(10));
        }
        if (n.length() <= 48 && n.chars().allMatch(c -> c >= '0' && c <= '9')) {
            out.add(new BigInteger(n, 10).toString(16));
        }
        return out;
    }
}
