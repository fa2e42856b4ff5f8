package sa.civilaffairs.cc.bench;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import sa.civilaffairs.cc.console.ami.AmiSettings;
import sa.civilaffairs.cc.console.ami.LiveFeed;
import sa.civilaffairs.cc.console.amidouble.AmiDouble;
import sa.civilaffairs.cc.console.amidouble.SyntheticCalls;
import sa.civilaffairs.cc.console.live.AgentBinding;
import sa.civilaffairs.cc.console.live.AgentDirectory;
import sa.civilaffairs.cc.console.live.AmiHealth;
import sa.civilaffairs.cc.console.live.CallFindings;
import sa.civilaffairs.cc.console.live.LiveCallModel;
import sa.civilaffairs.cc.console.live.QueueSignal;

/**
 * Screen-pop latency from AMI event to {@code ScreenPop}, over real TCP: the AMI double streams queue events for many
 * calls (each with a dozen dialplan events the session Filter keeps off the wire) to the console's Asterisk-Java
 * client; the latency of a call is from the moment the double writes its AgentCalled to the moment the live model
 * emits the pop (it includes the socket, Asterisk-Java's parsing and both queues). Then memory per waiting call and
 * per agent. Not a test: {@code scripts/bench ScreenPopBench [agents] [calls] [callsPerSecond]}.
 */
public final class ScreenPopBench {
    private static final String QUEUE = "civil-affairs-ar";

    private ScreenPopBench() {
    }

    public static void main(String[] args) throws Exception {
        int agents = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        int calls = args.length > 1 ? Integer.parseInt(args[1]) : 30_000;
        int rate = args.length > 2 ? Integer.parseInt(args[2]) : 300;
        // As recommended for production (README): Asterisk-Java warns on every AgentCalled about DestChanVariable.
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("org.asteriskjava"))
                .setLevel(ch.qos.logback.classic.Level.ERROR);
        System.out.printf(Locale.ROOT, "ScreenPopBench: %d agents, %d calls at %d calls/s (the first quarter, at most 5000, is warm-up)%n",
                agents, calls, rate);

        AmiDouble.Builder builder = AmiDouble.builder().emptyQueues().authFailureDelay(Duration.ofMillis(10));
        List<AgentBinding> bindings = new ArrayList<>(agents);
        for (int a = 0; a < agents; a++) {
            String iface = iface(a);
            builder.member(QUEUE, "Agent " + a, iface);
            bindings.add(new AgentBinding(String.format(Locale.ROOT, "agent%04d", a), iface, null));
        }
        AgentDirectory directory = new AgentDirectory(bindings, "wrap-up");
        SyntheticCalls synth = new SyntheticCalls(QUEUE);

        try (AmiDouble pbx = builder.start();
                LiveFeed feed = LiveFeed.start(AmiSettings.of(pbx.host(), pbx.port(), "ivrtest", "ivrtest"), directory,
                        Clock.systemUTC(), ZoneId.of("Asia/Riyadh"))) {
            awaitConnected(feed, agents);
            ConcurrentHashMap<String, Long> sentAt = new ConcurrentHashMap<>();
            long[] latencies = new long[calls];
            AtomicInteger popped = new AtomicInteger();
            feed.view().onScreenPop(pop -> {
                Long t0 = sentAt.remove(pop.callId());
                if (t0 != null) {
                    latencies[popped.getAndIncrement()] = System.nanoTime() - t0;
                }
            });

            long wallStart = PacedCalls.play(pbx, synth, calls, agents, rate, ScreenPopBench::iface, sentAt);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (popped.get() < calls && System.nanoTime() < deadline) {
                LockSupport.parkNanos(1_000_000);
            }
            double seconds = (System.nanoTime() - wallStart) / 1e9;
            int n = popped.get();
            int warm = Math.min(5000, n / 4);
            long[] measured = Arrays.copyOfRange(latencies, warm, n);
            Arrays.sort(measured);
            System.out.printf(Locale.ROOT, "pops: %d of %d calls, %.0f calls/s offered over %.1f s, %d events dropped%n",
                    n, calls, calls / seconds, seconds, feed.client().droppedEvents());
            System.out.printf(Locale.ROOT, "AMI event -> ScreenPop latency (%d calls after warm-up): p50 %s  p90 %s  "
                    + "p99 %s  p99.9 %s  max %s%n", measured.length, ms(measured, 0.50), ms(measured, 0.90),
                    ms(measured, 0.99), ms(measured, 0.999), ms(measured, 1.0));
            System.out.printf(Locale.ROOT, "events written to the console socket: %d (of %d played; the rest filtered "
                    + "by Asterisk's side)%n", pbx.eventsWritten(), (long) calls * (5 + synth.noise(synth.call(0)).size()));

            waitingCallMemory(pbx, feed, synth, 5_000);
        }
        agentMemory(10_000);
    }

    /** Heap per caller waiting in the live model: 5,000 callers join and stay. */
    private static void waitingCallMemory(AmiDouble pbx, LiveFeed feed, SyntheticCalls synth, int waiting)
            throws InterruptedException {
        int before = feed.view().snapshot().waitingCount();
        long used0 = usedHeapAfterGc();
        for (int i = 0; i < waiting; i++) {
            pbx.play(synth.joined(synth.call(1_000_000 + i), i + 1));
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (feed.view().snapshot().waitingCount() < before + waiting && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        long used1 = usedHeapAfterGc();
        System.out.printf(Locale.ROOT, "memory per waiting call (live model, incl. snapshot copy): %.0f bytes "
                + "(%d calls)%n", (used1 - used0) / (double) waiting, waiting);
    }

    /** Heap per agent in the live model (directory, state, one queue membership, snapshot row). */
    private static void agentMemory(int count) {
        long used0 = usedHeapAfterGc();
        List<AgentBinding> bindings = new ArrayList<>(count);
        for (int a = 0; a < count; a++) {
            bindings.add(new AgentBinding(String.format(Locale.ROOT, "agent%05d", a), "PJSIP/" + (10_000 + a), null));
        }
        Instant now = Instant.now();
        LiveCallModel model = new LiveCallModel(new AgentDirectory(bindings, "wrap-up"), now);
        for (AgentBinding b : bindings) {
            model.apply(new QueueSignal.MemberChanged(QUEUE, b.memberInterface(), null, 1, false, "", false, 0, now));
        }
        model.apply(new QueueSignal.CallerJoined(QUEUE, "u", "l", "", CallFindings.NONE, 1, now));
        long used1 = usedHeapAfterGc();
        System.out.printf(Locale.ROOT, "memory per agent (live model, incl. snapshot row): %.0f bytes (%d agents, %s)%n",
                (used1 - used0) / (double) count, count, model.snapshot().agentsByState().get(
                        sa.civilaffairs.cc.console.live.AgentState.READY) + " ready");
    }

    private static void awaitConnected(LiveFeed feed, int agents) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!(feed.health() == AmiHealth.CONNECTED && feed.view().snapshot().agentsByState()
                .get(sa.civilaffairs.cc.console.live.AgentState.READY) == agents)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("console did not connect to the AMI double: " + feed.health());
            }
            Thread.sleep(10);
        }
    }

    private static long usedHeapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static String iface(int agent) {
        return String.format(Locale.ROOT, "PJSIP/%04d", 1000 + agent);
    }

    private static String ms(long[] sorted, double q) {
        if (sorted.length == 0) {
            return "-";
        }
        int i = (int) Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1);
        return String.format(Locale.ROOT, "%.2f ms", sorted[Math.max(0, i)] / 1e6);
    }
}
