package sa.civilaffairs.cc.dialog.redis;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import redis.clients.jedis.UnifiedJedis;
import sa.civilaffairs.cc.dialog.Dialog;
import sa.civilaffairs.cc.dialog.DialogStore;
import sa.civilaffairs.cc.dialog.Reply;
import sa.civilaffairs.cc.identity.Mobile;
import sa.civilaffairs.cc.redis.LuaScript;
import sa.civilaffairs.cc.text.Language;

/**
 * Dialogs as one Redis hash per number. Expiry follows the {@code now} the engine passes (its clock): a dialog whose
 * citizen has been silent longer than {@code expiry} is gone, whatever Redis still holds; Redis' own TTL only
 * collects the garbage. Answers to messages are kept for a day, long enough for any redelivery. Thread-safe.
 */
public final class RedisDialogStore implements DialogStore {

    private static final LuaScript COMMIT = LuaScript.load(RedisDialogStore.class, "commit-turn.lua");
    private static final LuaScript OPEN = LuaScript.load(RedisDialogStore.class, "open-turn.lua");
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
    public Opening open(Mobile number, String messageId, Instant now) {
        List<?> answer = (List<?>) OPEN.run(redis, List.of(DialogKeys.turn(number, messageId),
                DialogKeys.state(number)), List.of());
        Optional<List<Reply>> answered = answer.get(0) instanceof String encoded
                ? Optional.of(decode(encoded)) : Optional.empty();
        List<?> flat = (List<?>) answer.get(1);
        Map<String, String> fields = new HashMap<>();
        for (int i = 0; i + 1 < flat.size(); i += 2) {
            fields.put((String) flat.get(i), (String) flat.get(i + 1));
        }
        if (!fields.containsKey("step")) {
            return new Opening(answered, Optional.empty(), false);
        }
        Dialog dialog = Dialog.fromFields(fields);
        if (dialog.lastSeen().plus(expiry).isBefore(now)) {
            return new Opening(answered, Optional.empty(), true);
        }
        return new Opening(answered, Optional.of(dialog), false);
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
