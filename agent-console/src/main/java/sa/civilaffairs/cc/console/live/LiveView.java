package sa.civilaffairs.cc.console.live;

/**
 * What the web side subscribes to. {@link #snapshot()} may be called from any thread (an immutable value, replaced
 * after each change); listeners are called on the live thread, pops first, then the change.
 */
public interface LiveView {
    LiveSnapshot snapshot();

    /** Every pop for every agent; route by {@link ScreenPop#agent()}. Exactly once per call per agent. */
    Subscription onScreenPop(ScreenPopListener listener);

    Subscription onChange(LiveChangeListener listener);
}
