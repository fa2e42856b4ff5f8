package sa.civilaffairs.cc.console.auth.redis;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import redis.clients.jedis.UnifiedJedis;
import sa.civilaffairs.cc.console.ConsoleException;
import sa.civilaffairs.cc.console.auth.ConsoleUser;
import sa.civilaffairs.cc.console.auth.Role;
import sa.civilaffairs.cc.console.auth.Users;

/** Accounts in one Redis hash, {@code console:users}: field = username, value = the account as JSON. */
public final class RedisUsers implements Users {
    static final String KEY = "console:users";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final UnifiedJedis redis;

    public RedisUsers(UnifiedJedis redis) {
        this.redis = redis;
    }

    @Override
    public Optional<ConsoleUser> find(String username) {
        if (!ConsoleUser.isUsername(username)) {
            return Optional.empty();
        }
        String json = redis.hget(KEY, username);
        return json == null ? Optional.empty() : Optional.of(decode(username, json));
    }

    @Override
    public boolean create(ConsoleUser user) {
        return redis.hsetnx(KEY, user.username(), encode(user)) == 1;
    }

    @Override
    public void put(ConsoleUser user) {
        redis.hset(KEY, user.username(), encode(user));
    }

    @Override
    public List<ConsoleUser> all() {
        List<ConsoleUser> users = new ArrayList<>();
        for (Map.Entry<String, String> e : redis.hgetAll(KEY).entrySet()) {
            users.add(decode(e.getKey(), e.getValue()));
        }
        users.sort(Comparator.comparing(ConsoleUser::username));
        return users;
    }

    private static String encode(ConsoleUser u) {
        ObjectNode n = JSON.createObjectNode();
        n.put("displayName", u.displayName());
        n.put("role", u.role().code());
        n.put("passwordHash", u.passwordHash());
        n.put("createdAt", u.createdAt().toString());
        n.put("createdBy", u.createdBy());
        return n.toString();
    }

    private static ConsoleUser decode(String username, String json) {
        try {
            var n = JSON.readTree(json);
            Role role = Role.fromCode(n.path("role").asText())
                    .orElseThrow(() -> new ConsoleException("account " + username + ": unknown role in Redis"));
            return new ConsoleUser(username, n.path("displayName").asText(), role, n.path("passwordHash").asText(),
                    Instant.parse(n.path("createdAt").asText()), n.path("createdBy").asText());
        } catch (IOException e) {
            throw new ConsoleException("account " + username + ": unreadable record in Redis", e);
        }
    }
}
