package sa.civilaffairs.cc.console.amidouble;

import java.util.List;

/**
 * A cursor over a list of captured events, played through an {@link AmiDouble} all at once or up to a given event,
 * so a test can look at the console between AgentCalled and AgentConnect, or drop the connection mid-stream and go
 * on after the client has reconnected. Not thread-safe: one test thread drives it.
 */
public final class Replay {
    private final AmiDouble pbx;
    private final List<AmiFrame> events;
    private int next;

    Replay(AmiDouble pbx, List<AmiFrame> events) {
        this.pbx = pbx;
        this.events = List.copyOf(events);
    }

    /** Plays up to and including the next event of that name; returns what was played. */
    public List<AmiFrame> playThrough(String eventName) {
        for (int i = next; i < events.size(); i++) {
            if (eventName.equals(events.get(i).event())) {
                return playTo(i + 1);
            }
        }
        throw new IllegalStateException("no " + eventName + " left in the replay (" + (events.size() - next)
                + " events left)");
    }

    /** Plays up to, but not including, the next event of that name. */
    public List<AmiFrame> playUntil(String eventName) {
        for (int i = next; i < events.size(); i++) {
            if (eventName.equals(events.get(i).event())) {
                return playTo(i);
            }
        }
        throw new IllegalStateException("no " + eventName + " left in the replay");
    }

    public List<AmiFrame> playRest() {
        return playTo(events.size());
    }

    /** Steps back so the last n played events are played again (an at-least-once resend after a reconnect). */
    public void rewind(int n) {
        if (n < 0 || n > next) {
            throw new IllegalArgumentException("rewind " + n + " (expected: 0.." + next + ")");
        }
        next -= n;
    }

    public boolean finished() {
        return next >= events.size();
    }

    public List<AmiFrame> remaining() {
        return events.subList(next, events.size());
    }

    private List<AmiFrame> playTo(int end) {
        List<AmiFrame> played = events.subList(next, end);
        for (AmiFrame e : played) {
            pbx.play(e);
        }
        next = end;
        return played;
    }
}
