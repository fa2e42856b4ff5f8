package sa.civilaffairs.cc.console.live;

/**
 * A console user bound to an Asterisk queue member (config/agents.yaml).
 *
 * @param agent           the console user name
 * @param memberInterface the member's Interface as in queues.conf or QueueAdd ({@code Local/1001@agents/n},
 *                        {@code PJSIP/1001}) — how AMI events name the member
 * @param memberName      the member's MemberName, used when an event's Interface is not bound (may be null)
 */
public record AgentBinding(String agent, String memberInterface, String memberName) {
    public AgentBinding {
        if (agent == null || !agent.matches("[A-Za-z0-9._@-]{1,64}")) {
            throw new IllegalArgumentException("agent: " + agent + " (expected: a console user name, 1-64 of A-Z a-z 0-9 . _ @ -)");
        }
        if (memberInterface == null || !memberInterface.matches("[A-Za-z]+/\\S+")) {
            throw new IllegalArgumentException("interface of " + agent + ": " + memberInterface
                    + " (expected: TECH/resource, e.g. PJSIP/1001 or Local/1001@agents/n)");
        }
        memberName = memberName == null || memberName.isBlank() ? null : memberName.trim();
    }
}
