package sa.civilaffairs.cc.console.amidouble;

import java.util.List;

/** The captured call scenarios the double can replay, each from its own capture file. */
public enum Scenario {
    /**
     * An IVR call (CC_LANG=ar, CC_NID, CC_INTENT=book, CC_TRAIL=1>1>3) joins queue civil-affairs-ar; member
     * Local/agent3 rings 5 s without answering (AgentRingNoAnswer), then Local/agent1 answers (AgentConnect), talks and
     * hangs up (AgentComplete Reason: agent).
     */
    QUEUE_ANSWERED("ami-queue-answered.log"),
    /** Like {@link #QUEUE_ANSWERED}, but the caller hangs up mid-conversation (AgentComplete Reason: caller). */
    QUEUE_ANSWERED_CALLER_HANGUP("ami-queue-answered-callerhangup.log"),
    /** All three members paused (QueueMemberPause); the caller gives up after 6 s (QueueCallerAbandon); unpaused. */
    QUEUE_ABANDONED("ami-queue-abandoned.log"),
    /** An IVR call that never reaches a queue (Newchannel, VarSet, AGIExecStart…, DTMF, Hangup). */
    IVR_CALL("ami-call-events.log"),
    /** An IVR call whose caller hangs up during the menu. */
    IVR_CALL_HANGUP("ami-call-hangup-events.log");

    private final String fileName;
    private volatile List<AmiFrame> events;

    Scenario(String fileName) {
        this.fileName = fileName;
    }

    public String fileName() {
        return fileName;
    }

    public Capture capture() {
        return Capture.load(fileName);
    }

    /** The scenario's unsolicited events, byte for byte, in capture order (see {@link Capture#callEvents()}). */
    public List<AmiFrame> events() {
        List<AmiFrame> e = events;
        if (e == null) {
            e = capture().callEvents();
            events = e;
        }
        return e;
    }
}
