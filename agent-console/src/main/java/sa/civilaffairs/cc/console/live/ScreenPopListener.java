package sa.civilaffairs.cc.console.live;

/**
 * Receives screen pops. Called on the live model's single thread, in event order; must return quickly and never
 * block or do I/O (hand the pop to an event bus or a queue). An exception is logged and does not stop other listeners.
 */
@FunctionalInterface
public interface ScreenPopListener {
    void screenPop(ScreenPop pop);
}
