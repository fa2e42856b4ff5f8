package sa.civilaffairs.cc.console.live;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The supervisor view at one moment: immutable, replaced after each change ({@code version} grows by one each time).
 *
 * @param at             time of the last event applied
 * @param queues         queues by name (queues seen in config, QueueStatus or events)
 * @param agents         every configured agent, by user name
 * @param abandonedToday callers who gave up today (local day of the configured zone), all queues
 */
public record LiveSnapshot(long version, Instant at, AmiHealth ami, List<QueueView> queues, List<AgentView> agents,
        int abandonedToday) {
    public LiveSnapshot {
        queues = List.copyOf(queues);
        agents = List.copyOf(agents);
    }

    public static LiveSnapshot empty(Instant at) {
        return new LiveSnapshot(0, at, AmiHealth.CONNECTING, List.of(), List.of(), 0);
    }

    public int waitingCount() {
        return queues.stream().mapToInt(q -> q.waiting().size()).sum();
    }

    public Optional<QueueView> queue(String name) {
        return queues.stream().filter(q -> q.queue().equals(name)).findFirst();
    }

    public Optional<AgentView> agent(String name) {
        return agents.stream().filter(a -> a.agent().equals(name)).findFirst();
    }

    public Duration longestWait(Instant now) {
        return queues.stream().map(q -> q.longestWait(now)).max(Duration::compareTo).orElse(Duration.ZERO);
    }

    /** How many agents are in each state (every state present, zero when none). */
    public Map<AgentState, Integer> agentsByState() {
        Map<AgentState, Integer> counts = new EnumMap<>(AgentState.class);
        for (AgentState s : AgentState.values()) {
            counts.put(s, 0);
        }
        for (AgentView a : agents) {
            counts.merge(a.state(), 1, Integer::sum);
        }
        return counts;
    }
}
