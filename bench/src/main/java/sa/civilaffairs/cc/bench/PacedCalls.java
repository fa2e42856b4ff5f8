package sa.civilaffairs.cc.bench;

import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;
import sa.civilaffairs.cc.console.amidouble.AmiDouble;
import sa.civilaffairs.cc.console.amidouble.SyntheticCalls;

/**
 * The call load of the screen-pop benchmarks: synthetic calls played through the AMI double at a steady rate, call
 * {@code i} joining the queue and ringing agent {@code i % agents} (its send time put in {@code sentAt} just before
 * AgentCalled), then answered and completed a fixed number of calls later, so at most 250 are ringing or talking at
 * once.
 */
final class PacedCalls {
    private PacedCalls() {
    }

    /** Plays {@code calls} calls at {@code rate} per second; returns {@link System#nanoTime()} at the start. */
    static long play(AmiDouble pbx, SyntheticCalls synth, int calls, int agents, int rate,
                     IntFunction<String> iface, Map<String, Long> sentAt) {
        int inFlight = Math.min(agents, 250);
        long interval = 1_000_000_000L / rate;
        long next = System.nanoTime();
        long start = next;
        for (int i = 0; i < calls + inFlight; i++) {
            if (i < calls) {
                SyntheticCalls.Call c = synth.call(i);
                pbx.play(synth.joined(c, 1));
                pbx.play(synth.noise(c));
                sentAt.put(c.linkedId(), System.nanoTime());
                pbx.play(synth.agentCalled(c, iface.apply(i % agents), "Agent " + (i % agents)));
            }
            int done = i - inFlight;
            if (done >= 0) {
                SyntheticCalls.Call c = synth.call(done);
                String agent = iface.apply(done % agents);
                pbx.play(synth.left(c));
                pbx.play(synth.connected(c, agent, "Agent " + (done % agents)));
                pbx.play(synth.completed(c, agent, "Agent " + (done % agents)));
            }
            next += interval;
            long wait = next - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
        }
        return start;
    }
}
