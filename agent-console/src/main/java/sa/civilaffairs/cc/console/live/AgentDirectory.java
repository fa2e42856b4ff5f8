package sa.civilaffairs.cc.console.live;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Which console user each queue member is (config/agents.yaml); immutable. */
public final class AgentDirectory {
    public static final String DEFAULT_WRAP_UP_REASON = "wrap-up";

    private final Map<String, AgentBinding> byAgent = new LinkedHashMap<>();
    private final Map<String, AgentBinding> byInterface = new HashMap<>();
    private final Map<String, AgentBinding> byMemberName = new HashMap<>();
    private final String wrapUpReason;

    public AgentDirectory(List<AgentBinding> bindings, String wrapUpReason) {
        for (AgentBinding b : bindings) {
            if (byAgent.putIfAbsent(b.agent(), b) != null) {
                throw new IllegalArgumentException("agent " + b.agent() + " (expected: bound once)");
            }
            if (byInterface.putIfAbsent(b.memberInterface(), b) != null) {
                throw new IllegalArgumentException("interface " + b.memberInterface() + " (expected: bound to one agent)");
            }
            if (b.memberName() != null && byMemberName.putIfAbsent(b.memberName(), b) != null) {
                throw new IllegalArgumentException("member name " + b.memberName() + " (expected: bound to one agent)");
            }
        }
        if (wrapUpReason == null || wrapUpReason.isBlank()) {
            throw new IllegalArgumentException("wrapUpReason (expected: a QueuePause reason, e.g. wrap-up)");
        }
        this.wrapUpReason = wrapUpReason.trim();
    }

    public List<AgentBinding> bindings() {
        return List.copyOf(byAgent.values());
    }

    public Optional<AgentBinding> agent(String agent) {
        return Optional.ofNullable(byAgent.get(agent));
    }

    /** The agent a queue member is, by Interface first, then MemberName; null when not bound. */
    public String agentFor(String memberInterface, String memberName) {
        AgentBinding b = memberInterface == null ? null : byInterface.get(memberInterface);
        if (b == null && memberName != null) {
            b = byMemberName.get(memberName);
        }
        return b == null ? null : b.agent();
    }

    /** The QueuePause reason that means after-call work. */
    public String wrapUpReason() {
        return wrapUpReason;
    }
}
