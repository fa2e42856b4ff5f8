package sa.civilaffairs.cc.console.live;

import java.time.Instant;
import java.util.List;

/**
 * What the live model learns from Asterisk, free of any AMI library type. Each signal is one AMI event that matters
 * (issue 7's list), the state rebuilt at (re)connect, or a change of the AMI link. {@code uniqueId} is the Uniqueid of
 * the channel that waits in the queue; {@code linkedId} the call's Linkedid. Channel names are never keys.
 */
public sealed interface QueueSignal {
    Instant at();

    /** QueueCallerJoin. */
    record CallerJoined(String queue, String uniqueId, String linkedId, String callerNumber, CallFindings findings,
            int position, Instant at) implements QueueSignal {
    }

    /** AgentCalled: a member is rung for the call. */
    record AgentRinging(String queue, String uniqueId, String linkedId, String memberInterface, String memberName,
            String callerNumber, CallFindings findings, Instant at) implements QueueSignal {
    }

    /** AgentRingNoAnswer: the member did not answer in time. */
    record AgentNoAnswer(String queue, String uniqueId, String linkedId, String memberInterface, String memberName,
            Instant at) implements QueueSignal {
    }

    /** AgentConnect: the member answered. */
    record AgentAnswered(String queue, String uniqueId, String linkedId, String memberInterface, String memberName,
            Instant at) implements QueueSignal {
    }

    /** AgentComplete: the conversation ended; {@code reason} is {@code agent}, {@code caller} or {@code transfer}. */
    record CallCompleted(String queue, String uniqueId, String linkedId, String memberInterface, String memberName,
            String reason, Instant at) implements QueueSignal {
    }

    /** QueueCallerAbandon: the caller hung up while waiting. */
    record CallerAbandoned(String queue, String uniqueId, String linkedId, Instant at) implements QueueSignal {
    }

    /** QueueCallerLeave: the caller left the queue (answered, abandoned, timed out). */
    record CallerLeft(String queue, String uniqueId, String linkedId, Instant at) implements QueueSignal {
    }

    /**
     * QueueMemberStatus / QueueMemberPause, or a QueueMember line of QueueStatus.
     *
     * @param deviceStatus Asterisk's device state: 0 unknown, 1 not in use, 2 in use, 3 busy, 4 invalid,
     *                     5 unavailable, 6 ringing, 7 ring+in use, 8 on hold
     */
    record MemberChanged(String queue, String memberInterface, String memberName, int deviceStatus, boolean paused,
            String pausedReason, boolean inCall, int wrapUpSeconds, Instant at) implements QueueSignal {
    }

    /** A caller in QueueStatus, completed from CoreShowChannels (Linkedid and CC_* of the same Uniqueid). */
    record WaitingEntry(String queue, String uniqueId, String linkedId, String callerNumber, CallFindings findings,
            long waitSeconds) {
    }

    /**
     * The state Asterisk reports at (re)connect: authoritative for members and waiting callers. Calls that left the
     * queue while the link was down disappear without being counted as abandoned.
     */
    record QueuesResynced(List<String> queues, List<MemberChanged> members, List<WaitingEntry> waiting, Instant at)
            implements QueueSignal {
        public QueuesResynced {
            queues = List.copyOf(queues);
            members = List.copyOf(members);
            waiting = List.copyOf(waiting);
        }
    }

    /** The AMI link changed state. */
    record LinkChanged(AmiHealth health, Instant at) implements QueueSignal {
    }
}
