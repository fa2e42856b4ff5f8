package sa.civilaffairs.cc.console.ami;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.asteriskjava.manager.AuthenticationFailedException;
import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.ManagerConnectionState;
import org.asteriskjava.manager.ManagerEventListener;
import org.asteriskjava.manager.TimeoutException;
import org.asteriskjava.manager.action.CoreShowChannelsAction;
import org.asteriskjava.manager.action.FilterAction;
import org.asteriskjava.manager.action.ManagerAction;
import org.asteriskjava.manager.action.PingAction;
import org.asteriskjava.manager.action.QueuePauseAction;
import org.asteriskjava.manager.action.QueueStatusAction;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.response.ManagerError;
import org.asteriskjava.manager.response.ManagerResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sa.civilaffairs.cc.console.live.AmiHealth;
import sa.civilaffairs.cc.console.live.ControlOutcome;
import sa.civilaffairs.cc.console.live.QueueSignal;

/**
 * The console's link to Asterisk over AMI, on Asterisk-Java's {@link ManagerConnection}.
 *
 * <ul>
 * <li>Asterisk-Java's reader thread only hands each event to a queue ({@code offer}, never blocking, no I/O); one
 * worker thread ({@code ami-events}) translates and delivers {@link QueueSignal}s to the sink, so a slow consumer
 * never delays Asterisk's answers (asterisk-java #161, #592). If the queue is ever full, events are dropped, counted
 * and state is rebuilt from QueueStatus.</li>
 * <li>Only queue events are asked for: Login with {@code Events: agent}, then a session {@code Filter} for the nine
 * events used (Asterisk answers Permission denied without the {@code system} write class: then manager.conf's
 * {@code eventfilter} does it).</li>
 * <li>One thread ({@code ami-connector}) connects, pings and reconnects with exponential backoff and jitter; each
 * connection is a fresh {@link OneShotManagerConnection}, which never starts Asterisk-Java's own reconnect thread
 * (#199: no thread grows per reconnect). A refused login is {@link AmiHealth#AUTH_FAILED}, retried after
 * {@code authFailureRetry} only.</li>
 * <li>At each (re)connect QueueStatus and CoreShowChannels rebuild the state; their answers travel the same queue as
 * events, so the rebuild lands in stream order.</li>
 * </ul>
 */
public final class AmiClient implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(AmiClient.class);

    /** The events the console uses (issue 7). */
    public static final List<String> USED_EVENTS = List.of("QueueCallerJoin", "QueueCallerLeave",
            "QueueCallerAbandon", "AgentCalled", "AgentConnect", "AgentComplete", "AgentRingNoAnswer",
            "QueueMemberStatus", "QueueMemberPause");
    /** Login event mask: every event used is of class {@code agent}. */
    static final String EVENT_MASK = "agent";
    /** Session filter (legacy regex form, understood by every Asterisk since 10). */
    static final String EVENT_FILTER = "Event: (" + String.join("|", USED_EVENTS) + ")";

    private final AmiSettings settings;
    private final Consumer<QueueSignal> sink;
    private final Clock clock;
    private final BlockingQueue<Object> inbound;
    private final ScheduledThreadPoolExecutor connector;
    private final Thread worker;
    private final EventTranslation translation = new EventTranslation();
    private final AtomicReference<AmiHealth> health = new AtomicReference<>(AmiHealth.CONNECTING);
    private final AtomicLong generation = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicInteger logins = new AtomicInteger();
    private final AtomicInteger actionCounter = new AtomicInteger();
    private volatile Link current;
    private volatile boolean closed;
    private volatile boolean filterRefusedLogged;
    private Duration nextBackoff;
    private ScheduledFuture<?> pinger;

    private record Link(long generation, ManagerConnection connection) {
    }

    private record Received(long generation, ManagerEvent event, Instant at) {
    }

    private record ResyncMark(long generation, String actionIdPrefix) {
    }

    private static final Object STOP = new Object();

    /**
     * @param sink receives every signal on the {@code ami-events} thread, in Asterisk's order; it may be slow
     *             without harming the link (events wait in the queue)
     */
    public AmiClient(AmiSettings settings, Consumer<QueueSignal> sink, Clock clock) {
        this.settings = settings;
        this.sink = sink;
        this.clock = clock;
        this.inbound = new ArrayBlockingQueue<>(settings.eventQueueCapacity());
        this.nextBackoff = settings.backoffMin();
        this.connector = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "ami-connector");
            t.setDaemon(true);
            return t;
        });
        connector.setRemoveOnCancelPolicy(true);
        this.worker = new Thread(this::drain, "ami-events");
        worker.setDaemon(true);
    }

    /** Starts connecting in the background; returns at once. */
    public void start() {
        worker.start();
        connector.execute(this::attempt);
    }

    public AmiHealth health() {
        return health.get();
    }

    /** Events dropped because the queue was full (each time, state is rebuilt). Zero in a healthy system. */
    public long droppedEvents() {
        return dropped.get();
    }

    /** Successful logins so far (the first connection and each reconnection). */
    public int logins() {
        return logins.get();
    }

    /** Events waiting for the worker. */
    public int backlog() {
        return inbound.size();
    }

    /**
     * QueuePause or unpause of a member interface; {@code queue} null means every queue of the member. Completes
     * with Asterisk's message ({@code Interface paused successfully}, {@code Interface not found} …) on an AMI
     * thread, or refused at once when the link is down.
     */
    public CompletionStage<ControlOutcome> queuePause(String memberInterface, String queue, boolean paused, String reason) {
        QueuePauseAction action = new QueuePauseAction(memberInterface, queue, paused);
        if (paused && reason != null && !reason.isBlank()) {
            action.setReason(reason);
        }
        return send(action);
    }

    /** Sends QueueStatus and CoreShowChannels again and rebuilds the live state from their answers. */
    public void resync() {
        connector.execute(() -> {
            Link link = current;
            if (link != null) {
                resync(link);
            }
        });
    }

    private CompletionStage<ControlOutcome> send(ManagerAction action) {
        Link link = current;
        if (link == null || health.get() != AmiHealth.CONNECTED) {
            return CompletableFuture.completedFuture(ControlOutcome.refused("AMI link is " + health.get()));
        }
        CompletableFuture<ControlOutcome> result = new CompletableFuture<>();
        action.setActionId("cc-" + actionCounter.incrementAndGet());
        try {
            link.connection().sendAction(action, response -> result.complete(outcome(response)));
        } catch (IOException | IllegalStateException e) {
            result.complete(ControlOutcome.refused("AMI link failed: " + e.getMessage()));
        }
        long timeout = settings.responseTimeout().toMillis();
        return result.completeOnTimeout(ControlOutcome.refused("no answer from Asterisk in " + timeout + " ms"),
                timeout, TimeUnit.MILLISECONDS);
    }

    private static ControlOutcome outcome(ManagerResponse response) {
        if (response == null) {
            return ControlOutcome.refused("AMI link lost before Asterisk answered");
        }
        if (response instanceof ManagerError) {
            return ControlOutcome.refused(response.getMessage());
        }
        return ControlOutcome.done(response.getMessage());
    }

    // ---- connector thread -------------------------------------------------------------------------------------

    private void attempt() {
        if (closed) {
            return;
        }
        long gen = generation.incrementAndGet();
        ManagerConnection conn = new OneShotManagerConnection(settings, () -> onDropped(gen));
        conn.setSocketTimeout((int) settings.connectTimeout().toMillis());
        conn.setKeepAliveAfterAuthenticationFailure(false);
        conn.addEventListener(new Enqueuer(gen));
        try {
            conn.login(EVENT_MASK);
        } catch (AuthenticationFailedException e) {
            if (e.getCause() == null) {
                log.error("AMI login refused for user {} at {}:{}: {}; next try in {}", settings.username(),
                        settings.host(), settings.port(), e.getMessage(), settings.authFailureRetry());
                setHealth(AmiHealth.AUTH_FAILED);
                schedule(settings.authFailureRetry());
            } else {
                retryLater("login interrupted: " + e.getMessage());
            }
            return;
        } catch (IOException | TimeoutException | IllegalStateException e) {
            retryLater(e.toString());
            return;
        }
        if (closed) {
            quietLogoff(conn);
            return;
        }
        Link link = new Link(gen, conn);
        current = link;
        nextBackoff = settings.backoffMin();
        logins.incrementAndGet();
        log.info("AMI connected to {}:{} as {}", settings.host(), settings.port(), settings.username());
        setHealth(AmiHealth.CONNECTED);
        installFilter(link);
        resync(link);
        if (pinger == null) {
            long every = settings.pingInterval().toMillis();
            pinger = connector.scheduleWithFixedDelay(this::ping, every, every, TimeUnit.MILLISECONDS);
        }
    }

    private void installFilter(Link link) {
        FilterAction filter = new FilterAction(EVENT_FILTER);
        try {
            ManagerResponse r = link.connection().sendAction(filter, settings.responseTimeout().toMillis());
            if (r instanceof ManagerError && !filterRefusedLogged) {
                filterRefusedLogged = true;
                log.warn("Asterisk refused the AMI event Filter ({}); add eventfilter lines to manager.conf, "
                        + "events of class 'agent' still arrive", r.getMessage());
            }
        } catch (IOException | TimeoutException | IllegalStateException e) {
            log.warn("AMI Filter action failed: {}", e.toString());
        }
    }

    private void resync(Link link) {
        String prefix = EventTranslation.RESYNC_PREFIX + link.generation() + "-" + actionCounter.incrementAndGet();
        enqueue(new ResyncMark(link.generation(), prefix));
        CoreShowChannelsAction channels = new CoreShowChannelsAction();
        channels.setActionId(prefix + "-channels");
        QueueStatusAction queues = new QueueStatusAction();
        queues.setActionId(prefix + "-queues");
        try {
            // Their answers reach the worker through the event queue, in stream order; these calls only wait.
            long timeout = settings.responseTimeout().toMillis() * 3;
            link.connection().sendEventGeneratingAction(channels, timeout);
            link.connection().sendEventGeneratingAction(queues, timeout);
        } catch (IOException | TimeoutException | IllegalStateException e) {
            lost(link.generation(), "resync failed: " + e);
        }
    }

    private void ping() {
        Link link = current;
        if (link == null || closed) {
            return;
        }
        try {
            ManagerResponse r = link.connection().sendAction(new PingAction(), settings.responseTimeout().toMillis());
            if (r == null) {
                lost(link.generation(), "no Pong");
            }
        } catch (IOException | TimeoutException | IllegalStateException e) {
            lost(link.generation(), "Ping failed: " + e);
        }
    }

    /** The link of that generation is gone: log it off (ending Asterisk-Java's own reconnect) and reconnect. */
    private void lost(long gen, String why) {
        Link link = current;
        if (closed || link == null || link.generation() != gen) {
            return;
        }
        current = null;
        log.warn("AMI link to {}:{} lost ({}); reconnecting", settings.host(), settings.port(), why);
        setHealth(AmiHealth.RECONNECTING);
        quietLogoff(link.connection());
        schedule(nextDelay());
    }

    private void retryLater(String why) {
        Duration delay = nextDelay();
        log.warn("AMI connection to {}:{} failed ({}); next try in {} ms", settings.host(), settings.port(), why,
                delay.toMillis());
        setHealth(health.get() == AmiHealth.CONNECTING ? AmiHealth.CONNECTING : AmiHealth.RECONNECTING);
        schedule(delay);
    }

    private Duration nextDelay() {
        Duration base = nextBackoff;
        Duration doubled = base.multipliedBy(2);
        nextBackoff = doubled.compareTo(settings.backoffMax()) > 0 ? settings.backoffMax() : doubled;
        // jitter: 75 %..125 % so many consoles do not reconnect in step after an Asterisk restart
        long millis = base.toMillis();
        return Duration.ofMillis(millis * 3 / 4 + ThreadLocalRandom.current().nextLong(millis / 2 + 1));
    }

    private void schedule(Duration delay) {
        if (!closed) {
            connector.schedule(this::attempt, delay.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private static void quietLogoff(ManagerConnection conn) {
        ManagerConnectionState s = conn.getState();
        if (s == ManagerConnectionState.CONNECTED || s == ManagerConnectionState.RECONNECTING) {
            try {
                conn.logoff();
            } catch (IllegalStateException e) {
                log.debug("AMI logoff: {}", e.toString());
            }
        }
    }

    private void setHealth(AmiHealth h) {
        if (health.getAndSet(h) != h) {
            enqueue(new QueueSignal.LinkChanged(h, clock.instant()));
        }
    }

    private void enqueue(Object item) {
        if (!inbound.offer(item)) {
            if (dropped.getAndIncrement() == 0 || dropped.get() % 10_000 == 0) {
                log.error("AMI event queue full ({} dropped so far): the live model is too slow; will rebuild state",
                        dropped.get());
            }
            if (current != null && !closed && !(item instanceof ResyncMark)) {
                try {
                    resync();
                } catch (java.util.concurrent.RejectedExecutionException e) {
                    log.debug("AMI resync after close");
                }
            }
        }
    }

    // ---- Asterisk-Java's threads ------------------------------------------------------------------------------

    /** Runs on Asterisk-Java's dispatch thread: hands over and returns, nothing else (#161, #592). */
    private final class Enqueuer implements ManagerEventListener {
        private final long gen;

        Enqueuer(long gen) {
            this.gen = gen;
        }

        @Override
        public void onManagerEvent(ManagerEvent event) {
            enqueue(new Received(gen, event, clock.instant()));
        }
    }

    /** Called on Asterisk-Java's dispatch thread when the socket of that generation dropped. */
    private void onDropped(long gen) {
        if (!closed) {
            try {
                connector.execute(() -> lost(gen, "disconnected"));
            } catch (java.util.concurrent.RejectedExecutionException e) {
                log.debug("AMI drop after close");
            }
        }
    }

    // ---- worker thread ----------------------------------------------------------------------------------------

    private void drain() {
        while (true) {
            Object item;
            try {
                item = inbound.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (item == STOP) {
                return;
            }
            try {
                handle(item);
            } catch (RuntimeException e) {
                log.error("AMI event worker: {} while handling {}", e, item.getClass().getSimpleName());
            }
        }
    }

    private void handle(Object item) {
        if (item instanceof QueueSignal.LinkChanged s) {
            sink.accept(s);
        } else if (item instanceof ResyncMark m) {
            translation.expectResync(m.actionIdPrefix());
        } else if (item instanceof Received r) {
            Link link = current;
            if (link == null || link.generation() != r.generation()) {
                return; // a late event of a connection already given up: the next resync covers it
            }
            QueueSignal s = translation.translate(r.event(), r.at());
            if (s != null) {
                sink.accept(s);
            }
        }
    }

    /** Logs off, stops both threads after the queued events are delivered. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            connector.submit(() -> {
                Link link = current;
                current = null;
                if (link != null) {
                    quietLogoff(link.connection());
                }
                setHealth(AmiHealth.CLOSED);
            }).get(settings.responseTimeout().toMillis() * 3, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            log.warn("AMI logoff at close: {}", e.toString());
        }
        connector.shutdownNow();
        while (!inbound.offer(STOP)) {
            inbound.poll();
        }
        try {
            connector.awaitTermination(5, TimeUnit.SECONDS);
            worker.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
