package sa.civilaffairs.cc.smpp.link;

import java.io.IOException;
import java.util.UUID;
import java.util.function.Function;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.session.BindParameter;
import org.jsmpp.session.MessageReceiverListener;
import org.jsmpp.session.SMPPSession;
import org.jsmpp.session.connection.ConnectionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sa.civilaffairs.cc.smpp.GatewayMetrics;
import sa.civilaffairs.cc.smpp.config.GatewayConfig;

/**
 * One SMPP session to one SMSC, kept bound: binds at start, and after any loss (socket closed, unbind from the SMSC,
 * enquire_link unanswered, bind refused) closes what is left of the old session and binds a new one after a back-off
 * that doubles from {@code rebindMin} to {@code rebindMax} with jitter, so a fleet of gateways does not reconnect in
 * step (jsmpp #54: a stale half-bound session never blocks the rebind, it is closed first). All binding happens on the
 * shared scheduler, never on a jSMPP thread (jsmpp #193).
 */
public final class SmppSessionSlot implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SmppSessionSlot.class);

    private final String name;
    private final SessionRole role;
    private final GatewayConfig.BindConfig bind;
    private final GatewayConfig.LinkTiming timing;
    private final Function<String, ? extends MessageReceiverListener> receivers;
    private final ScheduledExecutorService scheduler;
    private final GatewayMetrics metrics;
    private final ConnectionFactory connections;
    private final Object lock = new Object();
    private LinkState state = LinkState.DOWN;
    private SMPPSession session;
    private int failures;
    private String lastError = "";

    public SmppSessionSlot(GatewayConfig.BindConfig bind, SessionRole role, GatewayConfig.LinkTiming timing,
                           Function<String, ? extends MessageReceiverListener> receivers,
                           ScheduledExecutorService scheduler,
                           GatewayMetrics metrics) {
        this.bind = bind;
        this.role = role;
        this.timing = timing;
        this.receivers = receivers;
        this.scheduler = scheduler;
        this.metrics = metrics;
        this.name = bind.name() + "/" + role.name().toLowerCase(java.util.Locale.ROOT);
        this.connections = NoDelayConnectionFactory.forBind(bind, (int) timing.bindTimeout().toMillis());
    }

    public String name() {
        return name;
    }

    public SessionRole role() {
        return role;
    }

    /** Schedules the first bind. */
    public void start() {
        scheduler.execute(this::bindNow);
    }

    public LinkState state() {
        synchronized (lock) {
            return state;
        }
    }

    /** Why the last bind failed or the session was lost, for the health endpoint. */
    public String lastError() {
        synchronized (lock) {
            return lastError;
        }
    }

    /** The bound session, or null while none is bound. */
    public SMPPSession bound() {
        synchronized (lock) {
            return state == LinkState.BOUND ? session : null;
        }
    }

    /** Waits until a session is bound or the slot is closed; returns null when closed or the wait ran out. */
    public SMPPSession awaitBound(long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        synchronized (lock) {
            while (state != LinkState.BOUND && state != LinkState.CLOSED) {
                long left = deadline - System.currentTimeMillis();
                if (left <= 0) {
                    return null;
                }
                lock.wait(left);
            }
            return state == LinkState.BOUND ? session : null;
        }
    }

    /**
     * Reports that {@code s} failed in use (an IOException writing a PDU); the slot drops it and rebinds. Ignored when
     * {@code s} is no longer the current session.
     */
    public void lost(SMPPSession s, String why) {
        scheduler.execute(() -> dropAndRebind(s, why));
    }

    private void bindNow() {
        synchronized (lock) {
            if (state != LinkState.DOWN) {
                return;
            }
            state = LinkState.BINDING;
        }
        SMPPSession s = new SMPPSession(connections);
        s.setEnquireLinkTimer((int) timing.enquireLink().toMillis());
        s.setTransactionTimer(timing.responseTimeout().toMillis());
        s.setPduProcessorDegree(role.receives() ? 4 : 2);
        s.setQueueCapacity(Math.max(100, bind.window() * 4));
        if (role.receives()) {
            // each session gets an id of its own: a deliver_sm seen on an earlier session and again on this one was
            // resent after a rebind (RedisInbound tells retransmissions from a citizen repeating himself by it)
            s.setMessageReceiverListener(receivers.apply(name + "#" + UUID.randomUUID()));
        }
        try {
            s.connectAndBind(bind.host(), bind.port(), new BindParameter(role.bindType(), bind.systemId(),
                    bind.password(), bind.systemType(), TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN,
                    bind.addressRange()), timing.bindTimeout().toMillis());
        } catch (IOException | RuntimeException e) {
            s.close();
            failed("bind failed: " + e.getMessage());
            return;
        }
        s.addSessionStateListener((newState, oldState, source) -> {
            if (!newState.isBound()) {
                // on jSMPP's reader thread: only hand over to the scheduler
                lost(s, "session " + newState);
            }
        });
        boolean keep;
        synchronized (lock) {
            keep = state == LinkState.BINDING && s.getSessionState().isBound();
            if (keep) {
                session = s;
                state = LinkState.BOUND;
                failures = 0;
                lastError = "";
                lock.notifyAll();
            }
        }
        if (!keep) {
            s.unbindAndClose();
            synchronized (lock) {
                if (state == LinkState.BINDING) {
                    state = LinkState.DOWN;
                    scheduleBind();
                }
            }
            return;
        }
        metrics.bindUp(name);
        log.info("SMPP {} bound to {}:{} as {}", name, bind.host(), bind.port(), bind.systemId());
    }

    private void failed(String why) {
        synchronized (lock) {
            lastError = why;
            if (state == LinkState.CLOSED) {
                return;
            }
            state = LinkState.DOWN;
            failures++;
            scheduleBind();
        }
        log.warn("SMPP {}: {}", name, why);
    }

    private void dropAndRebind(SMPPSession s, String why) {
        synchronized (lock) {
            if (session != s || state != LinkState.BOUND) {
                return;
            }
            session = null;
            state = LinkState.DOWN;
            lastError = why;
        }
        metrics.bindDown(name);
        log.warn("SMPP {} lost ({}); rebinding", name, why);
        s.close();
        synchronized (lock) {
            if (state == LinkState.DOWN) {
                scheduleBind();
            }
        }
    }

    /** Called holding the lock. */
    private void scheduleBind() {
        long base = timing.rebindMin().toMillis();
        long max = timing.rebindMax().toMillis();
        long delay = base;
        for (int i = 1; i < failures && delay < max; i++) {
            delay *= 2;
        }
        delay = Math.min(delay, max);
        // "equal jitter": between half and all of the back-off
        long jittered = delay / 2 + ThreadLocalRandom.current().nextLong(delay / 2 + 1);
        try {
            scheduler.schedule(this::bindNow, jittered, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            state = LinkState.CLOSED;
        }
    }

    /** Unbinds (after the caller drained in-flight submits) and closes; no rebind follows. */
    @Override
    public void close() {
        SMPPSession s;
        synchronized (lock) {
            s = session;
            session = null;
            boolean wasBound = state == LinkState.BOUND;
            state = LinkState.CLOSED;
            lock.notifyAll();
            if (!wasBound) {
                s = null;
            }
        }
        if (s != null) {
            metrics.bindDown(name);
            s.unbindAndClose();
            log.info("SMPP {} unbound", name);
        }
    }
}
