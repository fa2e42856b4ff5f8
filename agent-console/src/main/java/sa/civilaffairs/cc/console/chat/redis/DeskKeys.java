package sa.civilaffairs.cc.console.chat.redis;

/**
 * Key names of the agents' chat desk. Every key carries the {@code {chat}} hash tag (the slot of the dialog engine's
 * inbox stream too): a claim, a reply or a close touches one Redis Cluster slot, atomically in one Lua script.
 *
 * <ul>
 *   <li>{@value #CHANGES} — the desk's change stream every console instance follows. Fields: {@code kind}
 *       ({@code opened}, {@code message}, {@code claimed}, {@code closed}), {@code conv} (desk id), {@code at}
 *       (epoch ms), {@code msg} (message entry id, for {@code message}), {@code agent}. No personal data.</li>
 *   <li>{@code {chat}:desk:conv:<id>} — hash: id, mobile (E.164 digits), lang, status, agent, openedAt, lastAt.</li>
 *   <li>{@code {chat}:desk:msgs:<id>} — stream of the conversation's messages: dir, author, text, sms, at.</li>
 *   <li>{@value #ACTIVE} — sorted set of OPEN and CLAIMED ids by openedAt; {@value #BY_MOBILE} — mobile → id of the
 *       citizen's conversation not yet closed; {@value #SEQ} — id counter; {@code {chat}:desk:seen:<inbox entry>} —
 *       an inbox entry already applied (a day).</li>
 * </ul>
 */
public final class DeskKeys {
    public static final String CHANGES = "{chat}:desk:changes";
    public static final String ACTIVE = "{chat}:desk:active";
    public static final String BY_MOBILE = "{chat}:desk:by-mobile";
    public static final String SEQ = "{chat}:desk:seq";
    /** The consumer group of the console instances on the dialog engine's inbox stream. */
    public static final String INBOX_GROUP = "console-desk";
    static final String CONV_PREFIX = "{chat}:desk:conv:";
    static final String MSGS_PREFIX = "{chat}:desk:msgs:";

    private DeskKeys() {
    }

    public static String conversation(String id) {
        return CONV_PREFIX + id;
    }

    public static String messages(String id) {
        return MSGS_PREFIX + id;
    }

    static String seen(String inboxEntryId) {
        return "{chat}:desk:seen:" + inboxEntryId;
    }
}
