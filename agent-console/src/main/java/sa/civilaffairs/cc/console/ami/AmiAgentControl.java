package sa.civilaffairs.cc.console.ami;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import sa.civilaffairs.cc.console.live.AgentControl;
import sa.civilaffairs.cc.console.live.AgentDirectory;
import sa.civilaffairs.cc.console.live.ControlOutcome;

/** Agent states as QueuePause actions on the agent's member interface, in all its queues. */
final class AmiAgentControl implements AgentControl {
    private final AmiClient client;
    private final AgentDirectory directory;

    AmiAgentControl(AmiClient client, AgentDirectory directory) {
        this.client = client;
        this.directory = directory;
    }

    @Override
    public CompletionStage<ControlOutcome> ready(String agent) {
        return directory.agent(agent)
                .map(b -> client.queuePause(b.memberInterface(), null, false, null))
                .orElseGet(() -> unknown(agent));
    }

    @Override
    public CompletionStage<ControlOutcome> pause(String agent, String reason) {
        if (reason == null || reason.isBlank()) {
            return CompletableFuture.completedFuture(ControlOutcome.refused("a pause needs a reason"));
        }
        return directory.agent(agent)
                .map(b -> client.queuePause(b.memberInterface(), null, true, reason.trim()))
                .orElseGet(() -> unknown(agent));
    }

    @Override
    public CompletionStage<ControlOutcome> wrapUp(String agent) {
        return pause(agent, directory.wrapUpReason());
    }

    private static CompletionStage<ControlOutcome> unknown(String agent) {
        return CompletableFuture.completedFuture(ControlOutcome.refused(
                "agent " + agent + " is not bound to a queue member in config/agents.yaml"));
    }
}
