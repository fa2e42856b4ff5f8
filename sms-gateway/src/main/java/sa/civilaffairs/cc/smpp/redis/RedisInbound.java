package sa.civilaffairs.cc.smpp.redis;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import redis.clients.jedis.UnifiedJedis;
import sa.civilaffairs.cc.redis.LuaScript;
import sa.civilaffairs.cc.smpp.codec.UserData;
import sa.civilaffairs.cc.smpp.inbound.InboundSms;
import sa.civilaffairs.cc.smpp.inbound.MoPart;
import sa.civilaffairs.cc.text.ArabicText;

/**
 * Stores inbound parts and appends each complete message to {@code {sms}:inbound} exactly once. Parts of a long
 * message wait in a hash with a TTL, in any order. Thread-safe; every method blocks on Redis and throws Jedis exceptions
 * when it is unreachable (the caller answers the SMSC with a temporary error).
 *
 * <p>Retransmission or a new message? Two deliver_sm with the same fingerprint (sender, bytes, TLVs) are either the SMSC
 * resending one message or a citizen sending the same text twice (the answer "1" to two menus in a row); the first
 * must be stored once, the second twice. An SMSC resends only a deliver_sm whose deliver_sm_resp it did not get, so a
 * copy matching the last stored one (its marker lives for the dedupe window) is a retransmission only when:
 * <ul>
 *   <li>the SMSC gave the message an id (receipted_message_id on an MO): the id is in the fingerprint, exact dedupe;
 *   <li>it came on another SMPP session than the stored copy: the link dropped or was rebound since, and the resp may
 *       have been lost with it (each bound session has its own id; see {@code SmppSessionSlot});
 *   <li>the resp for the stored copy left late ({@link #markLate}: the listener took longer than
 *       {@code inbound.respDoubtAfter}), so the SMSC may have timed out and resent on the same session;
 *   <li>it came within the echo window ({@code inbound.echoWindow}, seconds) of the stored copy: faster than a person
 *       can read a reply and answer, the mark of an SMSC that gave up quickly.
 * </ul>
 * Anything else is a new message, stored, and its copy becomes the marker. The test runs in the same Lua script as
 * the stream append (atomic: two copies racing on two threads store one). Limit: a gateway with several sessions
 * receiving from one SMSC at once may see a citizen's second "1" on another session and drop it; bind one receiver
 * per SMSC account.
 */
public final class RedisInbound {
    /** What became of a part. */
    public enum Outcome { STORED, PARTIAL, DUPLICATE }

    private static final LuaScript PART = LuaScript.load(RedisInbound.class, "mo_common.lua", "mo_part.lua");
    private static final LuaScript PUBLISH = LuaScript.load(RedisInbound.class, "mo_common.lua", "mo_publish.lua");
    private static final LuaScript LATE = LuaScript.load(RedisInbound.class, "mo_doubt.lua");

    private final UnifiedJedis redis;
    private final Duration dedupeWindow;
    private final Duration echoWindow;
    private final Duration partsTtl;

    /**
     * @param dedupeWindow how long a stored copy's marker is kept (the longest an SMSC keeps resending)
     * @param echoWindow   a same copy within this long of the stored one is a retransmission whatever its session
     * @param partsTtl     how long the parts of an incomplete long message wait for the rest
     */
    public RedisInbound(UnifiedJedis redis, Duration dedupeWindow, Duration echoWindow, Duration partsTtl) {
        this.redis = redis;
        this.dedupeWindow = dedupeWindow;
        this.echoWindow = echoWindow;
        this.partsTtl = partsTtl;
    }

    /**
     * Stores {@code part}, which came on SMPP session {@code session}; when it completes a message, the message is on
     * the stream before this returns.
     *
     * @param late true when the listener is already past {@code respDoubtAfter} before storing
     */
    public Outcome store(MoPart part, String session, Instant receivedAt, boolean late) {
        List<String> common = List.of(Long.toString(dedupeWindow.toMillis()), Long.toString(echoWindow.toMillis()),
                session, part.smscMessageId().isEmpty() ? "0" : "1", late ? "1" : "0");
        if (part.single()) {
            String marker = SmsKeys.moCopy(part.fingerprint());
            return publish(marker, marker, common, part, part.text(), receivedAt);
        }
        String parts = SmsKeys.moParts(part.from(), part.to(), part.ref(), part.total());
        String done = SmsKeys.moDone(part.from(), part.to(), part.ref(), part.total());
        // the part as coded: data_coding and the octets, hex; decoded once all are in
        String coded = String.format("%02x", part.dataCoding() & 0xFF) + HexFormat.of().formatHex(part.body());
        List<String> args = new ArrayList<>(common);
        args.addAll(List.of(Integer.toString(part.seq()), coded, Integer.toString(part.total()),
                Long.toString(partsTtl.toMillis())));
        List<?> r = (List<?>) PART.run(redis, List.of(parts, done), args);
        String head = text(r.get(0));
        if (head.equals("dup")) {
            return Outcome.DUPLICATE;
        }
        if (head.equals("partial")) {
            return Outcome.PARTIAL;
        }
        TreeMap<Integer, String> ordered = new TreeMap<>();
        for (int i = 1; i + 1 < r.size(); i += 2) {
            ordered.put(Integer.parseInt(text(r.get(i))), text(r.get(i + 1)));
        }
        return publish(done, parts, common, part, decode(ordered.values()), receivedAt);
    }

    /**
     * Records that the deliver_sm_resp for {@code part} leaves late (the SMSC may have timed out and will resend):
     * until the marker expires, a same copy on any session is a retransmission. Nothing to record for a part of an
     * incomplete message (its parts hash keeps one copy of each part anyway).
     */
    public void markLate(MoPart part) {
        String marker = part.single() ? SmsKeys.moCopy(part.fingerprint())
                : SmsKeys.moDone(part.from(), part.to(), part.ref(), part.total());
        LATE.run(redis, List.of(marker), List.of());
    }

    /** Joins the parts' octets and decodes them at once when they share a data_coding, else part by part. */
    private static String decode(java.util.Collection<String> coded) {
        java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
        String coding = null;
        boolean same = true;
        StringBuilder separately = new StringBuilder();
        for (String c : coded) {
            byte dc = (byte) Integer.parseInt(c.substring(0, 2), 16);
            byte[] body = HexFormat.of().parseHex(c.substring(2));
            same &= coding == null || coding.equals(c.substring(0, 2));
            coding = c.substring(0, 2);
            all.writeBytes(body);
            separately.append(UserData.decode(dc, body, 0, body.length));
        }
        if (!same || coding == null) {
            return separately.toString();
        }
        byte[] b = all.toByteArray();
        return UserData.decode((byte) Integer.parseInt(coding, 16), b, 0, b.length);
    }

    private Outcome publish(String marker, String partsKey, List<String> common, MoPart part, String text,
                            Instant receivedAt) {
        InboundSms sms = new InboundSms(UUID.randomUUID().toString(), part.from(), part.to(), text,
                ArabicText.detectLanguage(text).map(l -> l.code()).orElse(""), receivedAt, part.smscMessageId());
        List<String> args = new ArrayList<>(common);
        for (Map.Entry<String, String> e : sms.toFields().entrySet()) {
            args.add(e.getKey());
            args.add(e.getValue());
        }
        Object r = PUBLISH.run(redis, List.of(marker, SmsKeys.INBOUND, partsKey), args);
        return ((Long) r) == 1L ? Outcome.STORED : Outcome.DUPLICATE;
    }

    private static String text(Object o) {
        return o instanceof byte[] b ? new String(b, java.nio.charset.StandardCharsets.UTF_8) : String.valueOf(o);
    }
}
