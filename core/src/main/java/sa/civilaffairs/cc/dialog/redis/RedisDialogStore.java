package sa.civilaffairs.cc.dialog.redis;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import redis.clients.jedis.UnifiedJedis;
import sa.civilaffairs.cc.dialog.Dialog;
import sa.civilaffairs.cc.dialog.DialogStore;
import sa.civilaffairs.cc.dialog.Reply;
import sa.civilaffairs.cc.identity.Mobile;
import sa.civilaffairs.cc.text.Language;

/**
 * Dialogs as one Redis hash per number. Expiry follows the {@code now} the engine passes (its clock): a dialog whose
 * citizen has been silent longer than {@code expiry} is gone, whatever Redis still holds; Redis' own TTL only
 * collects the garbage. Answers to messages are kept for a day, long enough for any redelivery. Thread-safe.
 */
public final class RedisDialogStore implements DialogStore {

    private static final LuaScript COMMIT = new LuaScript("commit-turn.lua");
    private static final Duration TURN_MEMORY = Duration.ofDays(1);
    private static final char FIELD = '\u001F';
    private static final char RECORD = '\u001E';

    private final UnifiedJedis redis;
    private final Duration expiry;

    public RedisDialogStore(UnifiedJedis redis, Duration expiry) {
        if (expiry == null || expiry.isNegative() || expiry.isZero()) {
            throw new IllegalArgumentException("dialog expiry: " + expiry + " (expected: a positive duration)");
        }
        this.redis = redis;
        this.expiry = expiry;
    }

    @Override
    public Optional<Dialog> find(Mobile number, Instant now) {
        Map<String, String> fields = redis.hgetAll(DialogKeys.state(number));
        if (fields == null || fields.isEmpty() || !fields.containsKey("step")) {
            return Optional.empty();
        }
        Dialog dialog = Dialog.fromFields(fields);
        if (dialog.lastSeen().plus(expiry).isBefore(now)) {
            return Optional.empty();
        }
        return Optional.of(dialog);
    }

    @Override
    public boolean lapsed(Mobile number, Instant now) {
        String seen = redis.hget(DialogKeys.state(number), "seen");
        return seen != null && Instant.ofEpochMilli(Long.parseLong(seen)).plus(expiry).isBefore(now);
    }

    @Override
    public Optional<List<Reply>> answered(Mobile number, String messageId) {
        String encoded = redis.get(DialogKeys.turn(number, messageId));
        return encoded == null ? Optional.empty() : Optional.of(decode(encoded));
    }

    @Override
    public void commit(Mobile number, Optional<Dialog> next, String messageId, List<Reply> replies) {
        List<String> args = new ArrayList<>();
        // the TTL is a garbage collector only: a minute more than the expiry so the clock decides
        args.add(Long.toString(expiry.plusMinutes(1).toMillis()));
        args.add(Long.toString(TURN_MEMORY.toMillis()));
        args.add(encode(replies));
        next.ifPresent(d -> d.toFields().forEach((k, v) -> {
            args.add(k);
            args.add(v);
        }));
        COMMIT.run(redis, List.of(DialogKeys.state(number), DialogKeys.turn(number, messageId)), args);
    }

    private static String encode(List<Reply> replies) {
        StringBuilder out = new StringBuilder();
        for (Reply reply : replies) {
            out.append(reply.templateId()).append(FIELD).append(reply.language().code()).append(FIELD)
                    .append(reply.text()).append(RECORD);
        }
        return out.toString();
    }

    private static List<Reply> decode(String encoded) {
        List<Reply> replies = new ArrayList<>();
        for (String record : encoded.split(String.valueOf(RECORD))) {
            if (record.isEmpty()) {
                continue;
            }
            String[] parts = record.split(String.valueOf(FIELD), 3);
            replies.add(new Reply(parts[0], Language.fromCode(parts[1]), parts[2]));
        }
        return replies;
    }
}
