package sa.civilaffairs.cc.console.amidouble;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the double knows of its pretend PBX, so that QueueStatus, QueueSummary and CoreShowChannels answer what the
 * replayed events imply (a client that reconnects mid-call sees the caller still waiting). It learns only from the
 * events it plays and the actions it serves. Not thread-safe: {@link AmiDouble} holds its lock around every use.
 */
final class PbxState {
    /** The header names of a channel snapshot block, as in Newchannel and at the top of queue events. */
    private static final Set<String> CHANNEL_HEADERS = Set.of("channel", "channelstate", "channelstatedesc",
            "calleridnum", "calleridname", "connectedlinenum", "connectedlinename", "language", "accountcode",
            "context", "exten", "priority", "uniqueid", "linkedid", "chanvariable");
    /** Member fields in the order of QueueMemberStatus / QueueMemberPause. */
    static final List<String> MEMBER_FIELDS = List.of("MemberName", "Interface", "StateInterface", "Membership",
            "Penalty", "CallsTaken", "LastCall", "LastPause", "LoginTime", "InCall", "Status", "Paused",
            "PausedReason", "Ringinuse", "Wrapuptime");

    static final class Queue {
        final String name;
        final Map<String, String> params = new LinkedHashMap<>();
        final Map<String, Map<String, String>> members = new LinkedHashMap<>(); // by Interface
        final Map<String, Entry> entries = new LinkedHashMap<>(); // by Uniqueid, in join order

        Queue(String name) {
            this.name = name;
        }
    }

    record Entry(String uniqueId, List<AmiFrame.Header> channel, long joinedAtMillis) {
    }

    static final class Channel {
        List<AmiFrame.Header> snapshot;
        String application = "";
        String applicationData = "";
        final long createdAtMillis;

        Channel(List<AmiFrame.Header> snapshot, long createdAtMillis) {
            this.snapshot = snapshot;
            this.createdAtMillis = createdAtMillis;
        }
    }

    private final Clock clock;
    private final Map<String, Queue> queues = new LinkedHashMap<>();
    private final Map<String, Channel> channels = new LinkedHashMap<>(); // by Uniqueid

    PbxState(Clock clock) {
        this.clock = clock;
    }

    /** Seeds queues and members from the first QueueStatus answer of the actions capture (the idle system). */
    static PbxState seededFromCapture(Clock clock) {
        PbxState state = new PbxState(clock);
        String firstStatus = null;
        for (AmiFrame f : Capture.load("ami-queue-actions.log").received("console")) {
            String event = f.event();
            if ("QueueParams".equals(event) && firstStatus == null) {
                firstStatus = f.get("ActionID");
            }
            if (firstStatus == null || !firstStatus.equals(f.get("ActionID"))) {
                continue;
            }
            if ("QueueParams".equals(event)) {
                Queue q = state.queue(f.get("Queue"));
                for (AmiFrame.Header h : f.headers()) {
                    if (!Set.of("Event", "Queue", "Calls", "ActionID").contains(h.name())) {
                        q.params.put(h.name(), h.value());
                    }
                }
            } else if ("QueueMember".equals(event)) {
                Map<String, String> m = new LinkedHashMap<>();
                for (String field : MEMBER_FIELDS) {
                    String value = switch (field) {
                        case "MemberName" -> f.get("Name");
                        case "Interface" -> f.get("Location");
                        default -> f.get(field);
                    };
                    m.put(field, value == null ? "0" : value);
                }
                m.put("Paused", "0");
                m.put("PausedReason", "");
                state.queue(f.get("Queue")).members.put(m.get("Interface"), m);
            }
        }
        return state;
    }

    Queue queue(String name) {
        return queues.computeIfAbsent(name, n -> {
            Queue q = new Queue(n);
            for (String[] kv : new String[][] {{"Max", "0"}, {"Strategy", "rrmemory"}, {"Holdtime", "0"},
                    {"TalkTime", "0"}, {"Completed", "0"}, {"Abandoned", "0"}, {"ServiceLevel", "20"},
                    {"ServicelevelPerf", "0.0"}, {"ServicelevelPerf2", "0.0"}, {"Weight", "0"}}) {
                q.params.put(kv[0], kv[1]);
            }
            return q;
        });
    }

    Queue existingQueue(String name) {
        return queues.get(name);
    }

    List<Queue> queues() {
        return new ArrayList<>(queues.values());
    }

    Map<String, String> addMember(String queue, String memberName, String iface, String stateInterface,
            boolean dynamic, int penalty, boolean paused) {
        Map<String, String> m = new LinkedHashMap<>();
        long now = clock.millis() / 1000;
        for (String field : MEMBER_FIELDS) {
            m.put(field, "0");
        }
        m.put("MemberName", memberName);
        m.put("Interface", iface);
        m.put("StateInterface", stateInterface);
        m.put("Membership", dynamic ? "dynamic" : "static");
        m.put("Penalty", Integer.toString(penalty));
        m.put("LoginTime", Long.toString(now));
        m.put("Status", dynamic ? "0" : "1");
        m.put("Paused", paused ? "1" : "0");
        m.put("PausedReason", "");
        queue(queue).members.put(iface, m);
        return m;
    }

    /** Learns from an event the double plays: members, waiting callers, channels, queue counters. */
    void learn(AmiFrame event) {
        String name = event.event();
        if (name == null) {
            return;
        }
        long now = clock.millis();
        String uniqueId = event.get("Uniqueid");
        if (uniqueId != null && event.get("Channel") != null) {
            List<AmiFrame.Header> snapshot = channelBlock(event);
            Channel ch = channels.get(uniqueId);
            if (ch == null) {
                if (!"Hangup".equals(name)) {
                    channels.put(uniqueId, new Channel(snapshot, now));
                }
            } else {
                ch.snapshot = snapshot;
            }
            if ("Newexten".equals(name) && channels.containsKey(uniqueId)) {
                Channel c = channels.get(uniqueId);
                c.application = nz(event.get("Application"));
                c.applicationData = nz(event.get("AppData"));
            }
        }
        switch (name) {
            case "Hangup" -> channels.remove(uniqueId);
            case "QueueCallerJoin" -> queue(event.get("Queue")).entries.put(uniqueId,
                    new Entry(uniqueId, channelBlock(event), now));
            case "QueueCallerLeave" -> queue(event.get("Queue")).entries.remove(uniqueId);
            case "QueueCallerAbandon" -> {
                Queue q = queue(event.get("Queue"));
                q.entries.remove(uniqueId);
                q.params.merge("Abandoned", "1", (a, b) -> Integer.toString(Integer.parseInt(a) + 1));
            }
            case "AgentComplete" -> queue(event.get("Queue")).params.merge("Completed", "1",
                    (a, b) -> Integer.toString(Integer.parseInt(a) + 1));
            case "QueueMemberStatus", "QueueMemberPause", "QueueMemberAdded" -> {
                Map<String, String> m = queue(event.get("Queue")).members
                        .computeIfAbsent(event.get("Interface"), i -> new LinkedHashMap<>());
                for (String field : MEMBER_FIELDS) {
                    String v = event.get(field);
                    if (v != null) {
                        m.put(field, v);
                    } else {
                        m.putIfAbsent(field, "0");
                    }
                }
            }
            case "QueueMemberRemoved" -> queue(event.get("Queue")).members.remove(event.get("Interface"));
            default -> {
                // other events carry nothing the double answers about
            }
        }
    }

    private static List<AmiFrame.Header> channelBlock(AmiFrame event) {
        List<AmiFrame.Header> block = new ArrayList<>();
        for (AmiFrame.Header h : event.headers()) {
            if (CHANNEL_HEADERS.contains(h.name().toLowerCase(java.util.Locale.ROOT))) {
                block.add(h);
            }
        }
        return block;
    }

    List<Map.Entry<String, Channel>> channels() {
        return new ArrayList<>(channels.entrySet());
    }

    long waitSeconds(Entry e) {
        return Duration.ofMillis(clock.millis() - e.joinedAtMillis()).toSeconds();
    }

    long nowMillis() {
        return clock.millis();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
