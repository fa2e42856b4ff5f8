package sa.civilaffairs.cc.dialog.redis;

import sa.civilaffairs.cc.identity.Mobile;

/**
 * Every Redis key of the dialogs. A number's keys share the hash tag {@code {dialog:<msisdn>}}, so one turn (state and
 * remembered answer) is one atomic script on one cluster slot.
 */
public final class DialogKeys {
    private DialogKeys() {
    }

    private static String tag(Mobile number) {
        return "{dialog:" + number.e164() + "}";
    }

    /** Hash: the number's dialog ({@link sa.civilaffairs.cc.dialog.Dialog#toFields()}). */
    public static String state(Mobile number) {
        return tag(number) + ":state";
    }

    /** String: the replies given to one incoming message. */
    public static String turn(Mobile number, String messageId) {
        return tag(number) + ":turn:" + messageId;
    }

    /** Counter of answers in one minute ({@code minute} = epoch minutes). */
    public static String rate(Mobile number, long minute) {
        return tag(number) + ":rate:" + minute;
    }

    /** Counter of unsolicited answers in one minute. */
    public static String unsolicited(Mobile number, long minute) {
        return tag(number) + ":unsolicited:" + minute;
    }

    /** Flag: the help for an over-long message was sent. */
    public static String oversized(Mobile number) {
        return tag(number) + ":oversized";
    }

}
