package sa.civilaffairs.cc.console.auth.redis;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import redis.clients.jedis.UnifiedJedis;
import sa.civilaffairs.cc.console.auth.LoginThrottle;
import sa.civilaffairs.cc.console.config.ConsoleConfig.ThrottlePolicy;
import sa.civilaffairs.cc.redis.LuaScript;

/**
 * Failure counters {@code console:throttle:account:<name>} and {@code console:throttle:address:<ip>}, each expiring
 * one window after its first failure. Each Lua script touches one key, so they run on Redis Cluster too.
 */
public final class RedisLoginThrottle implements LoginThrottle {
    private static final LuaScript COUNT = LuaScript.load(RedisLoginThrottle.class, "count-failure.lua");
    private static final LuaScript READ = LuaScript.load(RedisLoginThrottle.class, "read-failures.lua");

    private final UnifiedJedis redis;
    private final ThrottlePolicy policy;

    public RedisLoginThrottle(UnifiedJedis redis, ThrottlePolicy policy) {
        this.redis = redis;
        this.policy = policy;
    }

    @Override
    public Optional<Duration> lockedFor(String account, String address) {
        Optional<Duration> byAccount = locked(accountKey(account), policy.accountFailures());
        Optional<Duration> byAddress = locked(addressKey(address), policy.addressFailures());
        if (byAccount.isPresent() && byAddress.isPresent()) {
            return Optional.of(byAccount.get().compareTo(byAddress.get()) > 0 ? byAccount.get() : byAddress.get());
        }
        return byAccount.isPresent() ? byAccount : byAddress;
    }

    @Override
    public void failed(String account, String address) {
        String window = Long.toString(policy.window().toMillis());
        COUNT.run(redis, List.of(accountKey(account)), List.of(window));
        COUNT.run(redis, List.of(addressKey(address)), List.of(window));
    }

    @Override
    public void succeeded(String account) {
        redis.del(accountKey(account));
    }

    private Optional<Duration> locked(String key, int limit) {
        List<?> r = (List<?>) READ.run(redis, List.of(key), List.of());
        long count = (Long) r.get(0);
        long ttl = (Long) r.get(1);
        return count >= limit ? Optional.of(Duration.ofMillis(Math.max(ttl, 1000))) : Optional.empty();
    }

    static String accountKey(String account) {
        // Bounded and normalised: a 10 kB "username" must not become a 10 kB key.
        String a = account == null ? "" : account.strip().toLowerCase(Locale.ROOT);
        return "console:throttle:account:" + (a.length() > 64 ? a.substring(0, 64) : a);
    }

    static String addressKey(String address) {
        return "console:throttle:address:" + address;
    }
}
