package sa.civilaffairs.cc.console.push;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import sa.civilaffairs.cc.console.auth.Role;

/**
 * The browsers connected to this console instance, by user: pops go to the one agent they are for, supervisor
 * snapshots to supervisors, chat changes to everyone. Thread-safe; sending never blocks (writes are queued onto each
 * connection's event loop).
 */
public final class PushHub {
    private final ConcurrentHashMap<String, Set<PushClient>> byUser = new ConcurrentHashMap<>();
    private final List<PushClient> all = new CopyOnWriteArrayList<>();

    void add(PushClient client) {
        byUser.computeIfAbsent(client.username(), u -> ConcurrentHashMap.newKeySet()).add(client);
        all.add(client);
    }

    void remove(PushClient client) {
        client.closed();
        all.remove(client);
        byUser.computeIfPresent(client.username(), (u, set) -> {
            set.remove(client);
            return set.isEmpty() ? null : set;
        });
    }

    /** A pop for {@code agent} (every browser tab they have open here); other users never see it. */
    public void pop(String agent, String id, String json) {
        Set<PushClient> clients = byUser.get(agent);
        if (clients != null) {
            clients.forEach(c -> c.send("pop", id, json));
        }
    }

    /** Sends {@code event} to every connected user with at least {@code role}. */
    public void toRole(Role role, String event, String json) {
        for (PushClient c : all) {
            if (c.role().includes(role)) {
                c.send(event, null, json);
            }
        }
    }

    /** Sends {@code event} to one user's browsers. */
    public void toUser(String username, String event, String json) {
        Set<PushClient> clients = byUser.get(username);
        if (clients != null) {
            clients.forEach(c -> c.send(event, null, json));
        }
    }

    public List<PushClient> clients() {
        return List.copyOf(all);
    }

    public Set<String> users() {
        return Set.copyOf(byUser.keySet());
    }

    public int size() {
        return all.size();
    }
}
