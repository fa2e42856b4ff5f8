package sa.civilaffairs.cc.console.live;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live contact center: callers waiting per queue with the IVR's findings, agents and their states, abandoned
 * calls today, and the screen pops. Pure Java, fed {@link QueueSignal}s.
 *
 * <p>Threading: {@link #apply} is called by one thread at a time (the AMI event worker); listeners run on that
 * thread. {@link #snapshot()} and the subscribe methods are safe from any thread.
 *
 * <p>Pops: AgentCalled for a bound agent pops once per (Linkedid, agent). The ledger of pops outlives the call by
 * {@code popMemory}, so events seen again after an AMI reconnect never pop twice.
 */
public final class LiveCallModel implements LiveView {
    private static final Logger log = LoggerFactory.getLogger(LiveCallModel.class);
    private static final int LEDGER_CAP = 200_000;

    private final AgentDirectory directory;
    private final ZoneId zone;
    private final Duration popMemory;
    private final List<ScreenPopListener> popListeners = new CopyOnWriteArrayList<>();
    private final List<LiveChangeListener> changeListeners = new CopyOnWriteArrayList<>();

    private final Map<String, CallRow> calls = new HashMap<>(); // by queue channel Uniqueid
    private final Map<String, AgentRow> agents = new LinkedHashMap<>(); // by agent user name
    private final Set<String> queues = new TreeSet<>();
    private final Map<String, Integer> abandonedToday = new HashMap<>();
    private final PopLedger ledger;
    private AmiHealth health = AmiHealth.CONNECTING;
    private LocalDate day;
    private long version;
    private volatile LiveSnapshot snapshot;

    private static final class CallRow {
        final String uniqueId;
        String linkedId;
        String queue;
        String callerNumber = "";
        CallFindings findings = CallFindings.NONE;
        Instant joinedAt;
        boolean waiting;
        String connectedAgent;

        CallRow(String uniqueId) {
            this.uniqueId = uniqueId;
        }

        String callId() {
            return linkedId != null ? linkedId : uniqueId;
        }
    }

    private static final class AgentRow {
        final AgentBinding binding;
        final Map<String, QueueSignal.MemberChanged> memberships = new LinkedHashMap<>(); // by queue
        String ringingCall; // queue channel Uniqueid
        String connectedCall;
        Instant wrapUpUntil;
        AgentState state = AgentState.LOGGED_OUT;
        String reason;
        Instant since;
        AgentView view; // rebuilt only after the row changed: snapshots stay cheap with hundreds of agents

        AgentRow(AgentBinding binding, Instant at) {
            this.binding = binding;
            this.since = at;
        }
    }

    /** Who was popped for which call; forgets a call {@code popMemory} after it ended, and at most LEDGER_CAP calls. */
    private static final class PopLedger {
        private final LinkedHashMap<String, Set<String>> popped = new LinkedHashMap<>(1024, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Set<String>> eldest) {
                return size() > LEDGER_CAP;
            }
        };
        private final java.util.ArrayDeque<Map.Entry<Instant, String>> endings = new java.util.ArrayDeque<>();
        private final Duration memory;

        PopLedger(Duration memory) {
            this.memory = memory;
        }

        boolean first(String callId, String agent) {
            return popped.computeIfAbsent(callId, k -> new HashSet<>(4)).add(agent);
        }

        void ended(String callId, Instant at) {
            if (popped.containsKey(callId)) {
                endings.addLast(Map.entry(at.plus(memory), callId));
            }
        }

        void forget(Instant now) {
            while (!endings.isEmpty() && endings.peekFirst().getKey().isBefore(now)) {
                popped.remove(endings.pollFirst().getValue());
            }
        }

        int size() {
            return popped.size();
        }
    }

    /**
     * @param zone      the local day for "abandoned today" (Asia/Riyadh for the Kingdom's offices)
     * @param popMemory how long after a call ended a repeated AgentCalled still counts as already popped
     */
    public LiveCallModel(AgentDirectory directory, ZoneId zone, Duration popMemory, Instant start) {
        this.directory = directory;
        this.zone = zone;
        this.popMemory = popMemory;
        this.ledger = new PopLedger(popMemory);
        this.day = LocalDate.ofInstant(start, zone);
        for (AgentBinding b : directory.bindings()) {
            agents.put(b.agent(), new AgentRow(b, start));
        }
        this.snapshot = build(start);
    }

    public LiveCallModel(AgentDirectory directory, Instant start) {
        this(directory, ZoneId.of("Asia/Riyadh"), Duration.ofMinutes(15), start);
    }

    @Override
    public LiveSnapshot snapshot() {
        return snapshot;
    }

    @Override
    public Subscription onScreenPop(ScreenPopListener listener) {
        popListeners.add(listener);
        return () -> popListeners.remove(listener);
    }

    @Override
    public Subscription onChange(LiveChangeListener listener) {
        changeListeners.add(listener);
        return () -> changeListeners.remove(listener);
    }

    /** Calls for which a pop is remembered (for memory measurements). */
    public int rememberedPops() {
        return ledger.size();
    }

    public AgentDirectory directory() {
        return directory;
    }

    /** Applies one signal; pops first, then the new snapshot, then change notifications. One thread at a time. */
    public void apply(QueueSignal signal) {
        Instant at = signal.at();
        List<LiveChange> changes = new ArrayList<>(2);
        LocalDate today = LocalDate.ofInstant(at, zone);
        if (today.isAfter(day)) {
            day = today;
            abandonedToday.clear();
            changes.add(new LiveChange(LiveChange.Kind.NEW_DAY, null, null, at));
        }
        ledger.forget(at);
        if (signal instanceof QueueSignal.CallerJoined s) {
            CallRow c = call(s.uniqueId(), s.linkedId(), s.queue());
            c.callerNumber = nz(s.callerNumber());
            c.findings = s.findings().orElse(c.findings);
            if (!c.waiting) {
                c.waiting = true;
                c.joinedAt = at;
            }
            changes.add(new LiveChange(LiveChange.Kind.CALL_WAITING, s.queue(), null, at));
        } else if (signal instanceof QueueSignal.AgentRinging s) {
            CallRow c = call(s.uniqueId(), s.linkedId(), s.queue());
            if (c.joinedAt == null) {
                c.joinedAt = at;
                c.waiting = true;
            }
            if (!nz(s.callerNumber()).isEmpty()) {
                c.callerNumber = s.callerNumber();
            }
            c.findings = s.findings().orElse(c.findings);
            String agent = directory.agentFor(s.memberInterface(), s.memberName());
            if (agent != null) {
                AgentRow a = agents.get(agent);
                a.ringingCall = c.uniqueId;
                if (ledger.first(c.callId(), agent)) {
                    emit(ScreenPop.of(agent, c.callId(), c.callerNumber, c.findings, s.queue(), at));
                }
                agentChanged(a, at, changes);
            }
        } else if (signal instanceof QueueSignal.AgentNoAnswer s) {
            AgentRow a = agentOf(s.memberInterface(), s.memberName());
            if (a != null && s.uniqueId().equals(a.ringingCall)) {
                a.ringingCall = null;
                agentChanged(a, at, changes);
            }
            CallRow c = calls.get(s.uniqueId());
            if (c != null) {
                dropIfIdle(c, at);
            }
        } else if (signal instanceof QueueSignal.AgentAnswered s) {
            CallRow c = call(s.uniqueId(), s.linkedId(), s.queue());
            c.waiting = false;
            AgentRow a = agentOf(s.memberInterface(), s.memberName());
            c.connectedAgent = a == null ? null : a.binding.agent();
            for (AgentRow other : agents.values()) {
                if (c.uniqueId.equals(other.ringingCall)) {
                    other.ringingCall = null;
                    if (other != a) {
                        agentChanged(other, at, changes);
                    }
                }
            }
            if (a != null) {
                a.connectedCall = c.uniqueId;
                a.wrapUpUntil = null;
                agentChanged(a, at, changes);
            }
            changes.add(new LiveChange(LiveChange.Kind.CALL_ANSWERED, s.queue(),
                    a == null ? null : a.binding.agent(), at));
        } else if (signal instanceof QueueSignal.CallCompleted s) {
            CallRow c = calls.remove(s.uniqueId());
            AgentRow a = agentOf(s.memberInterface(), s.memberName());
            if (a != null) {
                a.connectedCall = null;
                int wrap = a.memberships.values().stream().mapToInt(QueueSignal.MemberChanged::wrapUpSeconds)
                        .max().orElse(0);
                a.wrapUpUntil = wrap > 0 ? at.plusSeconds(wrap) : null;
                agentChanged(a, at, changes);
            }
            ledger.ended(c == null ? s.linkedId() : c.callId(), at);
        } else if (signal instanceof QueueSignal.CallerAbandoned s) {
            CallRow c = calls.remove(s.uniqueId());
            abandonedToday.merge(s.queue(), 1, Integer::sum);
            queues.add(s.queue());
            clearRinging(s.uniqueId(), at, changes);
            ledger.ended(c == null ? s.linkedId() : c.callId(), at);
            changes.add(new LiveChange(LiveChange.Kind.CALL_ABANDONED, s.queue(), null, at));
        } else if (signal instanceof QueueSignal.CallerLeft s) {
            CallRow c = calls.get(s.uniqueId());
            if (c != null && c.waiting) {
                // Answered calls leave the queue just before AgentConnect: keep the row while an agent rings.
                c.waiting = false;
                dropIfIdle(c, at);
                changes.add(new LiveChange(LiveChange.Kind.CALL_LEFT, s.queue(), null, at));
            }
        } else if (signal instanceof QueueSignal.MemberChanged s) {
            queues.add(s.queue());
            AgentRow a = agentOf(s.memberInterface(), s.memberName());
            if (a != null) {
                a.memberships.put(s.queue(), s);
                CallRow ringing = a.ringingCall == null ? null : calls.get(a.ringingCall);
                if (a.ringingCall != null && (ringing == null || !ringing.waiting) && s.deviceStatus() == 1) {
                    // The caller left the queue while this member rang (timeout): no AgentRingNoAnswer follows.
                    a.ringingCall = null;
                    if (ringing != null) {
                        dropIfIdle(ringing, at);
                    }
                }
                agentChanged(a, at, changes);
            }
        } else if (signal instanceof QueueSignal.QueuesResynced s) {
            resync(s, changes);
        } else if (signal instanceof QueueSignal.LinkChanged s) {
            if (s.health() != health) {
                health = s.health();
                changes.add(new LiveChange(LiveChange.Kind.AMI_HEALTH, null, null, at));
            }
        }
        if (!changes.isEmpty()) {
            snapshot = build(at);
            for (LiveChange change : changes) {
                for (LiveChangeListener l : changeListeners) {
                    try {
                        l.changed(change);
                    } catch (RuntimeException e) {
                        log.warn("live change listener failed on {}: {}", change.kind(), e.toString());
                    }
                }
            }
        }
    }

    private void resync(QueueSignal.QueuesResynced s, List<LiveChange> changes) {
        Instant at = s.at();
        queues.addAll(s.queues());
        for (AgentRow a : agents.values()) {
            a.memberships.clear();
        }
        Set<String> busy = new HashSet<>();
        for (QueueSignal.MemberChanged m : s.members()) {
            queues.add(m.queue());
            AgentRow a = agentOf(m.memberInterface(), m.memberName());
            if (a != null) {
                a.memberships.put(m.queue(), m);
                if (m.inCall()) {
                    busy.add(a.binding.agent());
                }
            }
        }
        Set<String> stillWaiting = new HashSet<>();
        for (QueueSignal.WaitingEntry w : s.waiting()) {
            stillWaiting.add(w.uniqueId());
            CallRow c = call(w.uniqueId(), w.linkedId(), w.queue());
            if (!nz(w.callerNumber()).isEmpty()) {
                c.callerNumber = w.callerNumber();
            }
            c.findings = c.findings.orElse(w.findings());
            if (!c.waiting || c.joinedAt == null) {
                c.joinedAt = at.minusSeconds(Math.max(0, w.waitSeconds()));
            }
            c.waiting = true;
        }
        for (Iterator<CallRow> it = calls.values().iterator(); it.hasNext(); ) {
            CallRow c = it.next();
            boolean talking = c.connectedAgent != null && busy.contains(c.connectedAgent);
            if (!stillWaiting.contains(c.uniqueId) && !talking) {
                it.remove();
                ledger.ended(c.callId(), at);
            }
        }
        for (AgentRow a : agents.values()) {
            if (a.ringingCall != null && !stillWaiting.contains(a.ringingCall)) {
                a.ringingCall = null;
            }
            if (a.connectedCall != null && !calls.containsKey(a.connectedCall)) {
                a.connectedCall = null;
            }
            agentChanged(a, at, new ArrayList<>());
        }
        changes.add(new LiveChange(LiveChange.Kind.RESYNCED, null, null, at));
    }

    /** Forgets a call that no longer waits, rings anyone or talks to anyone. */
    private void dropIfIdle(CallRow c, Instant at) {
        if (c.waiting || c.connectedAgent != null) {
            return;
        }
        for (AgentRow a : agents.values()) {
            if (c.uniqueId.equals(a.ringingCall)) {
                return;
            }
        }
        calls.remove(c.uniqueId);
        ledger.ended(c.callId(), at);
    }

    private CallRow call(String uniqueId, String linkedId, String queue) {
        CallRow c = calls.computeIfAbsent(uniqueId, CallRow::new);
        if (linkedId != null && !linkedId.isBlank()) {
            c.linkedId = linkedId;
        }
        if (queue != null) {
            c.queue = queue;
            queues.add(queue);
        }
        return c;
    }

    private AgentRow agentOf(String iface, String memberName) {
        String agent = directory.agentFor(iface, memberName);
        return agent == null ? null : agents.get(agent);
    }

    private void clearRinging(String uniqueId, Instant at, List<LiveChange> changes) {
        for (AgentRow a : agents.values()) {
            if (uniqueId.equals(a.ringingCall)) {
                a.ringingCall = null;
                agentChanged(a, at, changes);
            }
        }
    }

    /** Recomputes an agent's state; records a change when it differs. */
    private void agentChanged(AgentRow a, Instant at, List<LiveChange> changes) {
        a.view = null;
        AgentState state;
        String reason = null;
        boolean inCall = a.memberships.values().stream().anyMatch(QueueSignal.MemberChanged::inCall);
        boolean allPaused = !a.memberships.isEmpty()
                && a.memberships.values().stream().allMatch(QueueSignal.MemberChanged::paused);
        boolean allGone = !a.memberships.isEmpty()
                && a.memberships.values().stream().allMatch(m -> m.deviceStatus() == 4 || m.deviceStatus() == 5);
        if (a.memberships.isEmpty()) {
            state = AgentState.LOGGED_OUT;
        } else if (a.connectedCall != null || (inCall && a.ringingCall == null)) {
            state = AgentState.ON_CALL;
        } else if (a.ringingCall != null) {
            state = AgentState.RINGING;
        } else if (allPaused) {
            reason = a.memberships.values().stream().map(QueueSignal.MemberChanged::pausedReason)
                    .filter(r -> r != null && !r.isBlank()).reduce((x, y) -> y).orElse("");
            state = directory.wrapUpReason().equalsIgnoreCase(reason) ? AgentState.WRAP_UP : AgentState.PAUSED;
        } else if (a.wrapUpUntil != null && at.isBefore(a.wrapUpUntil)) {
            state = AgentState.WRAP_UP;
        } else if (allGone) {
            state = AgentState.UNAVAILABLE;
        } else {
            state = AgentState.READY;
        }
        if (state != a.state || !java.util.Objects.equals(reason, a.reason)) {
            a.state = state;
            a.reason = reason;
            a.since = at;
            changes.add(new LiveChange(LiveChange.Kind.AGENT_STATE, null, a.binding.agent(), at));
        }
    }

    private void emit(ScreenPop pop) {
        for (ScreenPopListener l : popListeners) {
            try {
                l.screenPop(pop);
            } catch (RuntimeException e) {
                log.warn("screen pop listener failed for agent {} call {}: {}", pop.agent(), pop.callId(), e.toString());
            }
        }
    }

    private LiveSnapshot build(Instant at) {
        Map<String, List<WaitingCall>> waiting = new HashMap<>();
        for (CallRow c : calls.values()) {
            if (c.waiting && c.queue != null) {
                waiting.computeIfAbsent(c.queue, q -> new ArrayList<>()).add(new WaitingCall(c.callId(), c.uniqueId,
                        c.queue, ScreenPop.maskNumber(c.callerNumber), c.findings.language(), c.findings.intent(),
                        c.joinedAt));
            }
        }
        List<QueueView> queueViews = new ArrayList<>(queues.size());
        for (String q : queues) {
            List<WaitingCall> w = waiting.getOrDefault(q, List.of());
            if (w.size() > 1) {
                w.sort(Comparator.comparing(WaitingCall::joinedAt));
            }
            queueViews.add(new QueueView(q, w, abandonedToday.getOrDefault(q, 0)));
        }
        List<AgentView> agentViews = new ArrayList<>(agents.size());
        for (AgentRow a : agents.values()) {
            if (a.view == null) {
                String callUid = a.connectedCall != null ? a.connectedCall : a.ringingCall;
                CallRow c = callUid == null ? null : calls.get(callUid);
                a.view = new AgentView(a.binding.agent(), a.state, a.reason, a.since,
                        c == null ? null : c.callId(), new ArrayList<>(a.memberships.keySet()), a.wrapUpUntil);
            }
            agentViews.add(a.view);
        }
        int abandoned = abandonedToday.values().stream().mapToInt(Integer::intValue).sum();
        return new LiveSnapshot(++version, at, health, queueViews, agentViews, abandoned);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
