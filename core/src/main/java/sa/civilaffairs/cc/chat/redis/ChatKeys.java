package sa.civilaffairs.cc.chat.redis;

/**
 * Key names of the chat store. Every key carries the {@code {chat}} hash tag: a claim, a reply or a close touches one
 * Redis Cluster slot, atomically in one Lua script.
 *
 * <ul>
 *   <li>{@value #CHANGES} — the change stream every console instance follows. Fields: {@code kind}
 *       ({@code opened}, {@code message}, {@code claimed}, {@code closed}), {@code conv} (conversation id),
 *       {@code at} (epoch ms), {@code msg} (message entry id, for {@code message}), {@code agent}. No personal data:
 *       readers fetch the conversation from its hash.</li>
 *   <li>{@code {chat}:conv:<id>} — hash: id, mobile (E.164 digits), lang, status, agent, openedAt, lastAt.</li>
 *   <li>{@code {chat}:msgs:<id>} — stream of the conversation's messages: dir, author, text, sms, at.</li>
 *   <li>{@value #ACTIVE} — sorted set of OPEN and CLAIMED ids by openedAt; {@value #BY_MOBILE} — hash mobile → id of
 *       the citizen's conversation not yet closed; {@value #SEQ} — id counter.</li>
 * </ul>
 */
public final class ChatKeys {
    public static final String CHANGES = "{chat}:inbox";
    public static final String ACTIVE = "{chat}:active";
    public static final String BY_MOBILE = "{chat}:by-mobile";
    public static final String SEQ = "{chat}:seq";
    static final String CONV_PREFIX = "{chat}:conv:";
    static final String MSGS_PREFIX = "{chat}:msgs:";

    private ChatKeys() {
    }

    public static String conversation(String id) {
        return CONV_PREFIX + id;
    }

    public static String messages(String id) {
        return MSGS_PREFIX + id;
    }
}
