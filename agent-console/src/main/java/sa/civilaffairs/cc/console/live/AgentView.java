package sa.civilaffairs.cc.console.live;

import java.time.Instant;
import java.util.List;

/**
 * One agent for supervisors (and for the agent's own status bar).
 *
 * @param pauseReason  the QueuePause reason when PAUSED or WRAP_UP by pause, else null
 * @param since        when the state began (as seen by the console)
 * @param callId       the Linkedid of the call ringing or connected, else null
 * @param queues       the queues the agent is a member of
 * @param wrapUpUntil  end of Asterisk's wrapuptime after a call, else null
 */
public record AgentView(String agent, AgentState state, String pauseReason, Instant since, String callId,
        List<String> queues, Instant wrapUpUntil) {
    public AgentView {
        queues = List.copyOf(queues);
    }
}
