package sa.civilaffairs.cc.ivr.agidouble;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A caller that follows a script of moves, for tests and benchmarks. {@link #press} keys are pressed when the IVR next
 * waits for input (prompts before it play to the end); {@link #typeAhead} keys are pressed during the very next
 * playback or read, interrupting the prompt when they are escape digits and lost when they are not;
 * {@link #silence} lets the next read time out; {@link #hangUp} hangs up while the IVR next waits for input,
 * {@link #hangUpNow} during whatever command comes next. When the script runs out the caller hangs up at the next read
 * ({@link #exhausted()} tells). Not thread-safe: one per call.
 */
public final class ScriptedCaller implements Caller {

    private enum When { READ, PLAYBACK_OR_READ, ANY }

    private record Step(When when, Move move) {
    }

    private final Deque<Step> steps = new ArrayDeque<>();
    private boolean exhausted;

    public static ScriptedCaller script() {
        return new ScriptedCaller();
    }

    public ScriptedCaller press(String keys) {
        steps.add(new Step(When.READ, new Move.Keys(keys)));
        return this;
    }

    public ScriptedCaller typeAhead(String keys) {
        steps.add(new Step(When.PLAYBACK_OR_READ, new Move.Keys(keys)));
        return this;
    }

    public ScriptedCaller silence() {
        steps.add(new Step(When.READ, Move.NOTHING));
        return this;
    }

    public ScriptedCaller silence(int times) {
        for (int i = 0; i < times; i++) {
            silence();
        }
        return this;
    }

    public ScriptedCaller hangUp() {
        steps.add(new Step(When.READ, new Move.HangUp()));
        return this;
    }

    public ScriptedCaller hangUpNow() {
        steps.add(new Step(When.ANY, new Move.HangUp()));
        return this;
    }

    public ScriptedCaller dropSocket() {
        steps.add(new Step(When.ANY, new Move.DropSocket()));
        return this;
    }

    /** The script ran out before the IVR stopped asking: the caller hung up at a read. */
    public boolean exhausted() {
        return exhausted;
    }

    /** Moves not yet made. */
    public int remaining() {
        return steps.size();
    }

    @Override
    public Move next(Kind kind, AgiCommandLine command) {
        Step step = steps.peek();
        if (step == null) {
            if (kind == Kind.READ) {
                exhausted = true;
                return new Move.HangUp();
            }
            return Move.NOTHING;
        }
        boolean now = switch (step.when()) {
            case ANY -> true;
            case PLAYBACK_OR_READ -> kind != Kind.OTHER;
            case READ -> kind == Kind.READ;
        };
        if (!now) {
            return Move.NOTHING;
        }
        steps.poll();
        return step.move();
    }
}
