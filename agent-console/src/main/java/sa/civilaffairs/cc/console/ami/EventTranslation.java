package sa.civilaffairs.cc.console.ami;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.asteriskjava.manager.event.AgentCalledEvent;
import org.asteriskjava.manager.event.AgentCompleteEvent;
import org.asteriskjava.manager.event.AgentConnectEvent;
import org.asteriskjava.manager.event.AgentRingNoAnswerEvent;
import org.asteriskjava.manager.event.CoreShowChannelEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.QueueCallerAbandonEvent;
import org.asteriskjava.manager.event.QueueCallerJoinEvent;
import org.asteriskjava.manager.event.QueueCallerLeaveEvent;
import org.asteriskjava.manager.event.QueueEntryEvent;
import org.asteriskjava.manager.event.QueueMemberEvent;
import org.asteriskjava.manager.event.QueueMemberPauseEvent;
import org.asteriskjava.manager.event.QueueMemberStatusEvent;
import org.asteriskjava.manager.event.QueueParamsEvent;
import org.asteriskjava.manager.event.QueueStatusCompleteEvent;
import org.asteriskjava.manager.event.ResponseEvent;
import sa.civilaffairs.cc.console.live.CallFindings;
import sa.civilaffairs.cc.console.live.QueueSignal;

/**
 * Turns Asterisk-Java events into {@link QueueSignal}s: the nine events issue 7 needs, and the answers to the
 * (re)connect QueueStatus/CoreShowChannels, collected in stream order into one {@link QueueSignal.QueuesResynced}.
 * Everything else is ignored. Runs on the event worker thread only (it keeps the resync being collected).
 */
final class EventTranslation {
    /** Prefix of the ActionIDs of the (re)connect QueueStatus and CoreShowChannels. */
    static final String RESYNC_PREFIX = "cc-resync-";

    private String resyncId;
    private final Map<String, CoreShowChannelEvent> channels = new LinkedHashMap<>();
    private final Set<String> queues = new LinkedHashSet<>();
    private final List<QueueSignal.MemberChanged> members = new ArrayList<>();
    private final List<QueueEntryEvent> entries = new ArrayList<>();

    /** The signal for this event, or null when it is not one the console uses (or a resync is still being read). */
    @SuppressWarnings("deprecation") // QueueMemberStatus names the member in MemberName, read by getMemberName()
    QueueSignal translate(ManagerEvent e, Instant at) {
        if (e instanceof ResponseEvent r && r.getActionId() != null && !(e instanceof QueueMemberStatusEvent)) {
            return collect(r, at);
        }
        if (e instanceof AgentCalledEvent c) {
            return new QueueSignal.AgentRinging(c.getQueue(), c.getUniqueId(), c.getLinkedId(), c.getInterface(),
                    c.getMemberName(), c.getCallerIdNum(), findings(e), at);
        }
        if (e instanceof AgentConnectEvent c) {
            return new QueueSignal.AgentAnswered(c.getQueue(), c.getUniqueId(), c.getLinkedId(), c.getInterface(),
                    c.getMemberName(), at);
        }
        if (e instanceof AgentCompleteEvent c) {
            return new QueueSignal.CallCompleted(c.getQueue(), c.getUniqueId(), c.getLinkedId(), c.getInterface(),
                    c.getMemberName(), c.getReason(), at);
        }
        if (e instanceof AgentRingNoAnswerEvent c) {
            return new QueueSignal.AgentNoAnswer(c.getQueue(), c.getUniqueId(), c.getLinkedId(), c.getInterface(),
                    c.getMemberName(), at);
        }
        if (e instanceof QueueCallerJoinEvent j) {
            return new QueueSignal.CallerJoined(j.getQueue(), j.getUniqueId(), j.getLinkedId(), j.getCallerIdNum(),
                    findings(e), j.getPosition() == null ? 0 : j.getPosition(), at);
        }
        if (e instanceof QueueCallerAbandonEvent a) {
            return new QueueSignal.CallerAbandoned(a.getQueue(), a.getUniqueId(), a.getLinkedId(), at);
        }
        if (e instanceof QueueCallerLeaveEvent l) {
            return new QueueSignal.CallerLeft(l.getQueue(), l.getUniqueId(), l.getLinkedId(), at);
        }
        if (e instanceof QueueMemberStatusEvent m) {
            return new QueueSignal.MemberChanged(m.getQueue(), m.getInterface(), m.getMemberName(), num(m.getStatus()),
                    Boolean.TRUE.equals(m.getPaused()), m.getPausedreason(), num(m.getIncall()) == 1,
                    num(m.getWrapuptime()), at);
        }
        if (e instanceof QueueMemberPauseEvent p) {
            String reason = firstText(p.getPausedreason(), p.getPausedReason(), p.getReason());
            int inCall = p.getIncall() != null ? p.getIncall() : "1".equals(p.getInCall()) ? 1 : 0;
            return new QueueSignal.MemberChanged(p.getQueue(), p.getInterface(), p.getMemberName(), num(p.getStatus()),
                    Boolean.TRUE.equals(p.getPaused()), reason, inCall == 1, num(p.getWrapupTime()), at);
        }
        return null;
    }

    /** Starts collecting the answers to the resync actions that carry this ActionID prefix. */
    void expectResync(String actionIdPrefix) {
        resyncId = actionIdPrefix;
        channels.clear();
        queues.clear();
        members.clear();
        entries.clear();
    }

    @SuppressWarnings("deprecation") // a QueueMember line has Name:, Asterisk-Java's getName(); MemberName as fallback
    private QueueSignal collect(ResponseEvent r, Instant at) {
        if (resyncId == null || !r.getActionId().startsWith(resyncId)) {
            return null;
        }
        if (r instanceof CoreShowChannelEvent c) {
            channels.put(c.getUniqueid(), c);
        } else if (r instanceof QueueParamsEvent p) {
            queues.add(p.getQueue());
        } else if (r instanceof QueueMemberEvent m) {
            members.add(new QueueSignal.MemberChanged(m.getQueue(), m.getInterface(),
                    firstText(m.getName(), m.getMemberName()),
                    num(m.getStatus()), Boolean.TRUE.equals(m.getPaused()), m.getPausedreason(),
                    num(m.getIncall()) == 1, num(m.getWrapuptime()), at));
        } else if (r instanceof QueueEntryEvent q) {
            entries.add(q);
        } else if (r instanceof QueueStatusCompleteEvent) {
            List<QueueSignal.WaitingEntry> waiting = new ArrayList<>(entries.size());
            for (QueueEntryEvent q : entries) {
                CoreShowChannelEvent ch = channels.get(q.getUniqueId());
                waiting.add(new QueueSignal.WaitingEntry(q.getQueue(), q.getUniqueId(),
                        ch == null ? null : ch.getLinkedid(), firstText(q.getCallerIdNum(), q.getCallerId()),
                        ch == null ? CallFindings.NONE : findings(ch), q.getWait() == null ? 0 : q.getWait()));
            }
            QueueSignal signal = new QueueSignal.QueuesResynced(List.copyOf(queues), members, waiting, at);
            expectResync(null);
            return signal;
        }
        return null;
    }

    private static CallFindings findings(ManagerEvent e) {
        return CallFindings.fromChannelVariables(e.getChannelVariables());
    }

    private static int num(Integer i) {
        return i == null ? 0 : i;
    }

    private static String firstText(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }
}
