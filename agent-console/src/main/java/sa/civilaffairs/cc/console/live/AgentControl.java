package sa.civilaffairs.cc.console.live;

import java.util.concurrent.CompletionStage;

/**
 * Agent states the console sets (issue 7: ready, paused with a reason, wrap-up), as QueuePause actions on the agent's
 * member interface in every queue. Non-blocking: the stage completes on an AMI thread when Asterisk answers (do not
 * block in it); an unknown agent, a lost link or Asterisk's error answer completes it with a refused outcome. The
 * resulting state arrives through {@link LiveView} from Asterisk's QueueMemberPause events.
 */
public interface AgentControl {
    CompletionStage<ControlOutcome> ready(String agent);

    CompletionStage<ControlOutcome> pause(String agent, String reason);

    /** Paused with the configured wrap-up reason, shown as {@link AgentState#WRAP_UP}. */
    CompletionStage<ControlOutcome> wrapUp(String agent);
}
