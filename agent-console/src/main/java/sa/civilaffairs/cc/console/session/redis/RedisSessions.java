package sa.civilaffairs.cc.console.session.redis;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import redis.clients.jedis.UnifiedJedis;
import sa.civilaffairs.cc.console.auth.ConsoleUser;
import sa.civilaffairs.cc.console.auth.Role;
import sa.civilaffairs.cc.console.config.ConsoleConfig.SessionPolicy;
import sa.civilaffairs.cc.console.session.ConsoleSession;
import sa.civilaffairs.cc.console.session.Sessions;
import sa.civilaffairs.cc.redis.LuaScript;

/**
 * One hash per session, {@code console:session:<sha-256 of the token>}, expiring after the idle timeout and pushed back
 * on every request. Only the token's digest is stored, so a copy of Redis does not hand out live sessions.
 */
public final class RedisSessions implements Sessions {
    private static final LuaScript OPEN = LuaScript.load(RedisSessions.class, "open.lua");
    private static final LuaScript TOUCH = LuaScript.load(RedisSessions.class, "touch.lua");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final UnifiedJedis redis;
    private final SessionPolicy policy;
    private final Clock clock;

    public RedisSessions(UnifiedJedis redis, SessionPolicy policy, Clock clock) {
        this.redis = redis;
        this.policy = policy;
        this.clock = clock;
    }

    @Override
    public Opened open(ConsoleUser user) {
        String token = randomToken();
        ConsoleSession session = new ConsoleSession(user.username(), user.displayName(), user.role(), randomToken(),
                clock.instant());
        OPEN.run(redis, List.of(key(token)), List.of(Long.toString(policy.idleTimeout().toMillis()),
                "user", session.username(), "name", session.displayName(), "role", session.role().code(),
                "csrf", session.csrfToken(), "at", Long.toString(session.signedInAt().toEpochMilli())));
        return new Opened(token, session);
    }

    @Override
    public Optional<ConsoleSession> touch(String token) {
        if (!wellFormed(token)) {
            return Optional.empty();
        }
        String key = key(token);
        List<?> flat = (List<?>) TOUCH.run(redis, List.of(key),
                List.of(Long.toString(policy.idleTimeout().toMillis())));
        if (flat == null || flat.isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> f = new HashMap<>();
        List<String> items = new ArrayList<>();
        for (Object o : flat) {
            items.add(o instanceof byte[] b ? new String(b, StandardCharsets.UTF_8) : String.valueOf(o));
        }
        for (int i = 0; i + 1 < items.size(); i += 2) {
            f.put(items.get(i), items.get(i + 1));
        }
        Instant at = Instant.ofEpochMilli(Long.parseLong(f.getOrDefault("at", "0")));
        Optional<Role> role = Role.fromCode(f.get("role"));
        if (role.isEmpty() || clock.instant().isAfter(at.plus(policy.maxLifetime()))) {
            redis.del(key);
            return Optional.empty();
        }
        return Optional.of(new ConsoleSession(f.get("user"), f.getOrDefault("name", ""), role.get(), f.get("csrf"),
                at));
    }

    @Override
    public void close(String token) {
        if (wellFormed(token)) {
            redis.del(key(token));
        }
    }

    /** The Redis key of the session behind {@code token}. */
    public static String key(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
            return "console:session:" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always present", e);
        }
    }

    private static boolean wellFormed(String token) {
        return token != null && token.length() == 43 && token.chars().allMatch(c -> (c >= 'A' && c <= 'Z')
                || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_');
    }

    private static String randomToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
