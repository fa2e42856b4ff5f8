package sa.civilaffairs.cc.console.ami;

import org.asteriskjava.lock.Locker;
import org.asteriskjava.manager.ManagerConnectionState;
import org.asteriskjava.manager.event.DisconnectEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.internal.ManagerConnectionImpl;

/**
 * Asterisk-Java's connection, minus its own reconnect thread. When the link drops, the stock implementation starts a
 * reconnect thread that races with anyone who logs the connection off, and a lost race leaves a reader's
 * AsyncEventPump thread behind (seen here: one idle pump per lost race, until GC) — the thread growth of
 * asterisk-java #199. Here a drop closes the socket, marks the connection DISCONNECTED and calls
 * {@code onDisconnect}; {@link AmiClient} then makes a fresh connection with its own backoff.
 *
 * <p>This extends an {@code internal} class of Asterisk-Java 3.42 (its documented extension points, the protected
 * {@code state} and {@code disconnect()}); re-check it when upgrading the library.
 */
final class OneShotManagerConnection extends ManagerConnectionImpl {
    private final Runnable onDisconnect;

    OneShotManagerConnection(AmiSettings settings, Runnable onDisconnect) {
        this.onDisconnect = onDisconnect;
        setHostname(settings.host());
        setPort(settings.port());
        setUsername(settings.username());
        setPassword(settings.secret());
    }

    @Override
    @SuppressWarnings("try") // the lock is held for the block's duration; the resource itself is not used
    public void dispatchEvent(ManagerEvent event, Integer requiredHandlingTime) {
        if (!(event instanceof DisconnectEvent)) {
            super.dispatchEvent(event, requiredHandlingTime);
            return;
        }
        boolean wasConnected;
        try (Locker.LockCloser ignored = withLock()) {
            wasConnected = state == ManagerConnectionState.CONNECTED;
            if (wasConnected) {
                state = ManagerConnectionState.DISCONNECTING;
            }
        }
        // Not CONNECTED any more: the stock code only wakes the callers waiting for answers, and starts no thread.
        super.dispatchEvent(event, requiredHandlingTime);
        if (wasConnected) {
            try (Locker.LockCloser ignored = withLock()) {
                disconnect();
                state = ManagerConnectionState.DISCONNECTED;
            }
            onDisconnect.run();
        }
    }
}
