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
 * message wait in a hash with a TTL, in any order; a retransmitted part or message within the dedupe window is
 * recognised and not appended again. Thread-safe; every method blocks on Redis and throws Jedis exceptions when it is
 * unreachable (the caller answers the SMSC with a temporary error).
 */
public final class RedisInbound {
    /** What became of a part. */
    public enum Outcome { STORED, PARTIAL, DUPLICATE }

    private static final LuaScript PART = LuaScript.load(RedisInbound.class, "mo_part.lua");
    private static final LuaScript PUBLISH = LuaScript.load(RedisInbound.class, "mo_publish.lua");

    private final UnifiedJedis redis;
    private final Duration dedupeWindow;
    private final Duration partsTtl;

    public RedisInbound(UnifiedJedis redis, Duration dedupeWindow, Duration partsTtl) {
        this.redis = redis;
        this.dedupeWindow = dedupeWindow;
        this.partsTtl = partsTtl;
    }

    /** Stores {@code part}; when it completes a message, the message is on the stream before this returns. */
    public Outcome store(MoPart part, Instant receivedAt) {
        if (part.single()) {
            String marker = SmsKeys.moSeen(part.fingerprint());
            return publish(marker, marker, part, part.text(), receivedAt);
        }
        String parts = SmsKeys.moParts(part.from(), part.to(), part.ref(), part.total());
        String done = SmsKeys.moDone(part.from(), part.to(), part.ref(), part.total());
        // the part as coded: data_coding and the octets, hex; decoded once all are in
        String coded = String.format("%02x", part.dataCoding() & 0xFF) + HexFormat.of().formatHex(part.body());
        List<?> r = (List<?>) PART.run(redis, List.of(parts, done), List.of(Integer.toString(part.seq()), coded,
                Integer.toString(part.total()), Long.toString(partsTtl.toMillis())));
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
        return publish(done, parts, part, decode(ordered.values()), receivedAt);
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

    private Outcome publish(String marker, String partsKey, MoPart part, String text, Instant receivedAt) {
        InboundSms sms = new InboundSms(UUID.randomUUID().toString(), part.from(), part.to(), text,
                ArabicText.detectLanguage(text).map(l -> l.code()).orElse(""), receivedAt, part.smscMessageId());
        List<String> args = new ArrayList<>();
        args.add(Long.toString(dedupeWindow.toMillis()));
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
