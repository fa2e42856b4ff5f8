package sa.civilaffairs.cc.smpp.redis;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import redis.clients.jedis.UnifiedJedis;
import sa.civilaffairs.cc.redis.LuaScript;
import sa.civilaffairs.cc.smpp.Handset;
import sa.civilaffairs.cc.outbox.Lane;
import sa.civilaffairs.cc.outbox.OutboundSms;
import sa.civilaffairs.cc.outbox.redis.OutboxStreams;
import sa.civilaffairs.cc.smpp.outbound.MessageStatus;
import sa.civilaffairs.cc.smpp.outbound.MtState;
import sa.civilaffairs.cc.smpp.outbound.SegmentResult;
import sa.civilaffairs.cc.smpp.receipt.Receipt;
import sa.civilaffairs.cc.smpp.receipt.SmscMessageId;

/**
 * Outbound message records: what was taken from the outbox, what each segment's submit_sm gave, the SMSC id map and
 * the receipts. Each step is one Lua script, so a receipt and the submit_sm_resp it races with are applied in either
 * order with the same result. Thread-safe; blocks on Redis.
 */
public final class RedisMessages {
    private static final LuaScript TAKE = LuaScript.load(RedisMessages.class, "mt_common.lua", "mt_take.lua");
    private static final LuaScript SUBMITTED = LuaScript.load(RedisMessages.class, "mt_common.lua", "mt_submitted.lua");
    private static final LuaScript RECEIPT = LuaScript.load(RedisMessages.class, "mt_common.lua", "mt_receipt.lua");
    private static final LuaScript BEGIN = LuaScript.load(RedisMessages.class, "mt_begin.lua");
    private static final LuaScript QUEUE = LuaScript.load(RedisMessages.class, "mt_common.lua", "mt_queue.lua");
    private static final List<String> TAKE_KEYS = List.of(SmsKeys.STOP, SmsKeys.outbox(Lane.REPLY),
            SmsKeys.outbox(Lane.NOTIFICATION), SmsKeys.outbox(Lane.BULK));

    /** How long the id map, early receipts and unknown parts are kept (receipts may come days later). */
    private final Duration keep;
    private final UnifiedJedis redis;

    public RedisMessages(UnifiedJedis redis, Duration keep) {
        this.redis = redis;
        this.keep = keep;
    }

    /** One outbox entry about to be sent. */
    public record Take(String id, String to, Lane lane, String entryId, int segments) {
    }

    /** What {@link #take} decided for an entry. */
    public enum Decision { SEND, SUPPRESSED, UNKNOWN, DONE }

    /** A state after a change, with the message's callback URL (empty when none). */
    public record Change(String id, MtState state, String callback) {
    }

    /**
     * Marks the entries as being sent, in one script. BULK to a STOP number is suppressed; an entry that a stopped
     * gateway was sending is UNKNOWN (its segments may be on the phone, so it is not resent); one already finished is
     * acknowledged again. Only {@link Decision#SEND} entries are left unacknowledged.
     */
    public List<Decision> take(String consumer, List<Take> batch) {
        if (batch.isEmpty()) {
            return List.of();
        }
        List<String> args = new ArrayList<>(4 + batch.size() * 5);
        args.add(Long.toString(System.currentTimeMillis()));
        args.add(OutboxStreams.CONSUMER_GROUP);
        args.add(Long.toString(keep.toMillis()));
        args.add(consumer);
        for (Take t : batch) {
            args.add(t.id());
            args.add(t.to());
            args.add(Integer.toString(t.lane().ordinal() + 1));
            args.add(t.entryId());
            args.add(Integer.toString(t.segments()));
        }
        String letters = text(TAKE.run(redis, TAKE_KEYS, args));
        List<Decision> out = new ArrayList<>(letters.length());
        for (char c : letters.toCharArray()) {
            out.add(switch (c) {
                case 'Y' -> Decision.SEND;
                case 'S' -> Decision.SUPPRESSED;
                case 'U' -> Decision.UNKNOWN;
                default -> Decision.DONE;
            });
        }
        return out;
    }

    /**
     * Marks the messages SENDING just before their first submit_sm (see {@link #take}), one script for all; false for
     * a message this consumer no longer owns (another gateway claimed it: it is the other's to send).
     */
    public List<Boolean> begin(String consumer, List<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<String> keys = new ArrayList<>(ids.size());
        ids.forEach(id -> keys.add(SmsKeys.mt(id)));
        List<?> r = (List<?>) BEGIN.run(redis, keys, List.of(Long.toString(System.currentTimeMillis()), consumer));
        List<Boolean> out = new ArrayList<>(r.size());
        r.forEach(x -> out.add(((Long) x) == 1L));
        return out;
    }

    /** Puts a message that was begun but had nothing sent back to TAKEN, so whoever reads it next sends it. */
    public void release(String id) {
        redis.hset(SmsKeys.mt(id), Map.of("state", "TAKEN", "updated", Long.toString(System.currentTimeMillis())));
    }

    /** What submitting a message's segments gave; {@code entryId} is its outbox entry, acknowledged with it. */
    public record Submission(String bind, String id, String to, Lane lane, String entryId,
                             List<SegmentResult> results) {
    }

    /**
     * Records every segment's outcome of each message, applies receipts that came first, and acknowledges the outbox
     * entries, in one script; returns each message's state in the same order.
     */
    public List<Change> submitted(List<Submission> batch) {
        if (batch.isEmpty()) {
            return List.of();
        }
        List<String> args = new ArrayList<>(3 + batch.size() * 8);
        args.add(Long.toString(System.currentTimeMillis()));
        args.add(OutboxStreams.CONSUMER_GROUP);
        args.add(Long.toString(keep.toMillis()));
        for (Submission m : batch) {
            args.add(m.entryId());
            args.add(m.id());
            args.add(scoped(m.bind(), m.to()));
            args.add(Integer.toString(m.lane().ordinal() + 1));
            args.add(Integer.toString(m.results().size()));
            for (SegmentResult r : m.results()) {
                if (r instanceof SegmentResult.Accepted a) {
                    args.add("S");
                    List<String> forms = new ArrayList<>();
                    SmscMessageId.forms(a.smscMessageId()).forEach(f -> forms.add(scoped(m.bind(), f)));
                    args.add(String.join(",", forms));
                    args.add("");
                } else if (r instanceof SegmentResult.Refused f) {
                    args.add("F");
                    args.add("");
                    args.add(f.reason());
                } else {
                    args.add("U");
                    args.add("");
                    args.add("");
                }
            }
        }
        List<?> r = (List<?>) SUBMITTED.run(redis, TAKE_KEYS.subList(1, 4), args);
        List<Change> out = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            out.add(new Change(batch.get(i).id(), MtState.valueOf(text(r.get(2 * i))), text(r.get(2 * i + 1))));
        }
        return out;
    }

    /**
     * Applies a receipt that came over {@code bind}; returns the message's state when it matched one. SMSC ids are
     * only unique per SMSC, so the id map is kept per bind.
     */
    public Optional<Change> receipt(String bind, Receipt receipt) {
        List<?> r = (List<?>) RECEIPT.run(redis, List.of(), List.of(Long.toString(System.currentTimeMillis()),
                scoped(bind, receipt.smscMessageId()), receipt.outcome().name(),
                (receipt.stat() + " " + receipt.error()).strip(), scoped(bind, receipt.handset()),
                Long.toString(keep.toMillis()), receipt.handset()));
        if (((Long) r.get(0)) == 0L || text(r.get(2)).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Change(text(r.get(1)), MtState.valueOf(text(r.get(2))), text(r.get(3))));
    }

    /** Records a message accepted by the HTTP API as QUEUED and appends it to its lane, atomically. */
    public void queue(OutboundSms sms, String client, String callback) {
        List<String> args = new ArrayList<>();
        args.add(Long.toString(System.currentTimeMillis()));
        args.add(sms.id());
        args.add(sms.to().e164());
        args.add(Integer.toString(sms.lane().ordinal() + 1));
        args.add(client);
        args.add(callback == null ? "" : callback);
        for (Map.Entry<String, String> e : sms.toFields().entrySet()) {
            args.add(e.getKey());
            args.add(e.getValue());
        }
        QUEUE.run(redis, List.of(SmsKeys.outbox(sms.lane())), args);
    }

    public Optional<MessageStatus> status(String id) {
        Map<String, String> h = redis.hgetAll(SmsKeys.mt(id));
        if (h.isEmpty()) {
            return Optional.empty();
        }
        int segments = Integer.parseInt(h.getOrDefault("parts", "0"));
        List<MessageStatus.Part> parts = new ArrayList<>();
        for (int i = 1; i <= segments; i++) {
            parts.add(new MessageStatus.Part(i, h.getOrDefault("part:" + i, "PENDING"), h.getOrDefault("smsc:" + i, "")));
        }
        List<MessageStatus.Change> history = new ArrayList<>();
        for (String line : redis.lrange(SmsKeys.mtLog(id), 0, -1)) {
            String[] f = line.split("\\|", 3);
            history.add(new MessageStatus.Change(Instant.ofEpochMilli(Long.parseLong(f[0])), f[1],
                    f.length > 2 ? f[2] : ""));
        }
        return Optional.of(new MessageStatus(id, MtState.valueOf(h.get("state")), Handset.mask(h.get("to")),
                segments, parts, h.get("error"), history));
    }

    /** An SMSC id or a number as seen on one bind: {@code bind/value}. */
    private static String scoped(String bind, String value) {
        return bind + "/" + value;
    }

    private static String text(Object o) {
        return o instanceof byte[] b ? new String(b, StandardCharsets.UTF_8) : String.valueOf(o);
    }
}
