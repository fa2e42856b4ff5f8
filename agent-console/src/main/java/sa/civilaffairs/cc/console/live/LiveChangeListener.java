package sa.civilaffairs.cc.console.live;

/**
 * Told that the supervisor view changed; read {@link LiveView#snapshot()} (already up to date when this is called).
 * Same threading contract as {@link ScreenPopListener}.
 */
@FunctionalInterface
public interface LiveChangeListener {
    void changed(LiveChange change);
}
