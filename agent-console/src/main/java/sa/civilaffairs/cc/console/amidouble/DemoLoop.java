package sa.civilaffairs.cc.console.amidouble;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * For dev mode: a new IVR call every {@code every}, rung to the next of the double's captured members in turn, answered
 * after 4 s and ended 8 s later, so a newcomer sees pops arrive and agents change state. Each call has its own
 * Linkedid, so each pops. One daemon thread; {@link #close()} stops it.
 */
public final class DemoLoop implements AutoCloseable {
    /** The members of civil-affairs-ar in the captures (bound in config/agents.yaml). */
    private static final List<String[]> MEMBERS = List.of(
            new String[] {"Local/agent1@agents/n", "Agent One"},
            new String[] {"Local/agent2@agents/n", "Agent Two"},
            new String[] {"Local/agent3@agents/n", "Agent Three (no answer)"});

    /** People of config/registry/demo-people.json, so a pop's person card finds someone in dev mode. */
    private static final List<String> DEMO_PEOPLE = List.of("1000000016", "1000000024", "1000000032", "1000000040",
            "2000000014", "1000000057");

    private final ScheduledExecutorService timer;

    private DemoLoop(AmiDouble pbx, Duration every) {
        SyntheticCalls synth = new SyntheticCalls("civil-affairs-ar");
        AtomicInteger counter = new AtomicInteger();
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "ami-double-demo");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(() -> {
            int n = counter.getAndIncrement();
            SyntheticCalls.Call c = synth.call(2_000_000 + n);
            SyntheticCalls.Call call = new SyntheticCalls.Call(c.n(), c.uniqueId(), c.linkedId(), c.channel(),
                    c.callerNumber(), DEMO_PEOPLE.get(n % DEMO_PEOPLE.size()));
            String[] m = MEMBERS.get(n % MEMBERS.size());
            pbx.play(synth.joined(call, 1));
            pbx.play(synth.noise(call));
            pbx.play(synth.agentCalled(call, m[0], m[1]));
            timer.schedule(() -> {
                pbx.play(synth.left(call));
                pbx.play(synth.connected(call, m[0], m[1]));
            }, 4, TimeUnit.SECONDS);
            timer.schedule(() -> pbx.play(synth.completed(call, m[0], m[1])), 12, TimeUnit.SECONDS);
        }, 1000, every.toMillis(), TimeUnit.MILLISECONDS);
    }

    public static DemoLoop start(AmiDouble pbx, Duration every) {
        return new DemoLoop(pbx, every);
    }

    /** A call every 15 s. */
    public static DemoLoop start(AmiDouble pbx) {
        return start(pbx, Duration.ofSeconds(15));
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
