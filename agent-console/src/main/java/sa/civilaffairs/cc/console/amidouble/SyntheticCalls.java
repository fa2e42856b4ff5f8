package sa.civilaffairs.cc.console.amidouble;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import sa.civilaffairs.cc.identity.NationalId;

/**
 * Many calls made from one captured call: the frames of {@link Scenario#QUEUE_ANSWERED} with new Uniqueids,
 * Linkedids, channels, caller numbers, national IDs and members, in the captured layout. For load (the screen-pop
 * benchmark) and for the dev-mode loop. Call {@code n} has Linkedid {@code 1800000000.<2n>}.
 */
public final class SyntheticCalls {
    private final String queue;
    private final AmiFrame join;
    private final AmiFrame called;
    private final AmiFrame leave;
    private final AmiFrame connect;
    private final AmiFrame complete;
    private final List<AmiFrame> noise;

    /** A call as the IVR hands it to the queue. */
    public record Call(int n, String uniqueId, String linkedId, String channel, String callerNumber, String nationalId) {
    }

    public SyntheticCalls(String queue) {
        this.queue = queue;
        List<AmiFrame> events = Scenario.QUEUE_ANSWERED.events();
        this.join = first(events, "QueueCallerJoin");
        this.called = first(events, "AgentCalled");
        this.leave = first(events, "QueueCallerLeave");
        this.connect = first(events, "AgentConnect");
        this.complete = first(events, "AgentComplete");
        String queueChannel = join.get("Uniqueid");
        // what Asterisk also sends about the same channel while it waits: the flood the Filter keeps away
        this.noise = events.stream()
                .filter(f -> queueChannel.equals(f.get("Uniqueid")))
                .filter(f -> "VarSet".equals(f.event()) || "Newexten".equals(f.event()))
                .limit(12)
                .toList();
    }

    public Call call(int n) {
        String nine = String.format(Locale.ROOT, "1%08d", n % 100_000_000);
        String nid = nine + NationalId.luhnCheckDigit(nine);
        return new Call(n, "1800000000." + (2 * n + 1), "1800000000." + (2 * n),
                String.format(Locale.ROOT, "Local/920022134@ivr-%08x;2", n),
                String.format(Locale.ROOT, "05%08d", n % 100_000_000), nid);
    }

    public AmiFrame joined(Call c, int position) {
        return caller(join, c).with("Queue", queue).with("Position", Integer.toString(position))
                .with("Count", Integer.toString(position));
    }

    public AmiFrame agentCalled(Call c, String memberInterface, String memberName) {
        return member(caller(called, c), c, memberInterface, memberName);
    }

    public AmiFrame left(Call c) {
        return caller(leave, c).with("Queue", queue);
    }

    public AmiFrame connected(Call c, String memberInterface, String memberName) {
        return member(caller(connect, c), c, memberInterface, memberName);
    }

    public AmiFrame completed(Call c, String memberInterface, String memberName) {
        return member(caller(complete, c), c, memberInterface, memberName);
    }

    /** Dialplan events of the caller's channel (VarSet, Newexten): class {@code dialplan}, never wanted by the console. */
    public List<AmiFrame> noise(Call c) {
        List<AmiFrame> out = new ArrayList<>(noise.size());
        for (AmiFrame f : noise) {
            out.add(caller(f, c));
        }
        return out;
    }

    private AmiFrame caller(AmiFrame template, Call c) {
        AmiFrame f = template.with("Channel", c.channel()).with("Uniqueid", c.uniqueId()).with("Linkedid", c.linkedId())
                .with("CallerIDNum", c.callerNumber()).with("ConnectedLineNum", c.callerNumber());
        return f.chanVariable("CC_NID") == null ? f : f.withVariable("ChanVariable", "CC_NID", c.nationalId());
    }

    private AmiFrame member(AmiFrame f, Call c, String memberInterface, String memberName) {
        return f.with("Queue", queue).with("Interface", memberInterface).with("MemberName", memberName)
                .with("DestLinkedid", c.linkedId()).with("DestUniqueid", c.linkedId() + "1")
                .with("DestChannel", memberInterface + "-" + Integer.toHexString(c.n()) + ";1");
    }

    private static AmiFrame first(List<AmiFrame> events, String name) {
        return events.stream().filter(f -> name.equals(f.event())).findFirst()
                .orElseThrow(() -> new IllegalStateException("no " + name + " in the answered capture"));
    }
}
