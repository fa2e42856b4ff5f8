package sa.civilaffairs.cc.console.amidouble;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A stand-in for Asterisk 22's Manager Interface on a real TCP port, built from the captures in
 * {@code ../shared/fixtures/asterisk-22/}: the {@code Asterisk Call Manager/11.0.0} greeting, Login (plain and MD5
 * challenge) answered {@code Authentication accepted} or, after Asterisk's one-second pause,
 * {@code Authentication failed} and a closed socket; Ping → Pong; Events on/off and event classes; session
 * {@code Filter}s; Logoff; QueueStatus, QueueSummary, QueuePause, QueueAdd, QueueRemove, CoreShowChannels with the
 * captured answers and error answers; CoreSettings (not in the captures: Asterisk-Java asks it at login to learn the
 * version; answered in manager.c's layout as Asterisk 22.10.1).
 *
 * <p>Events are whatever the test or the dev loop {@link #play plays}: captured frames are written byte for byte to
 * every logged-in session whose event mask and filters let them through, like Asterisk does. Played events also
 * update the double's picture of queues, members and channels, so a client that reconnects mid-call and asks
 * QueueStatus sees the caller still waiting. {@link #dropConnections()} cuts every socket mid-stream.
 *
 * <p>Threads: one acceptor and one per connection, all daemon, all ended by {@link #close()}.
 */
public final class AmiDouble implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(AmiDouble.class);
    private static final Set<String> ALL_CLASSES = Set.of("system", "call", "log", "verbose", "command", "agent",
            "user", "config", "dtmf", "reporting", "cdr", "dialplan", "originate", "agi", "cc", "aoc", "test",
            "security", "message");
    static final String AMI_VERSION = "11.0.0";
    static final String ASTERISK_VERSION = "22.10.1";

    /** Settings for a double; {@link #start()} opens the port. */
    public static final class Builder {
        private final Map<String, String> accounts = new LinkedHashMap<>();
        private Duration authFailureDelay = Duration.ofSeconds(1);
        private boolean seedFromCapture = true;
        private final List<String[]> members = new ArrayList<>();
        private Clock clock = Clock.systemUTC();

        /** An AMI user of manager.conf; the captures use {@code ivrtest}/{@code ivrtest}. */
        public Builder account(String username, String secret) {
            accounts.put(username, secret);
            return this;
        }

        /** Asterisk sleeps one second before answering a failed login (manager.c action_login). */
        public Builder authFailureDelay(Duration delay) {
            this.authFailureDelay = delay;
            return this;
        }

        /** Start with no queue at all instead of the captured civil-affairs-ar and its three members. */
        public Builder emptyQueues() {
            this.seedFromCapture = false;
            return this;
        }

        /** Adds a static member (for synthetic load: many agents). */
        public Builder member(String queue, String memberName, String iface) {
            members.add(new String[] {queue, memberName, iface});
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        public AmiDouble start() {
            if (accounts.isEmpty()) {
                accounts.put("ivrtest", "ivrtest");
            }
            return new AmiDouble(this);
        }
    }

    private final Map<String, String> accounts;
    private final Duration authFailureDelay;
    private final PbxState pbx;
    private final ServerSocket server;
    private final Thread acceptor;
    private final List<Session> sessions = new CopyOnWriteArrayList<>();
    private final AtomicInteger sessionCounter = new AtomicInteger();
    private final AtomicInteger loginAttempts = new AtomicInteger();
    private final AtomicInteger failedLogins = new AtomicInteger();
    private final Map<String, AtomicInteger> actionCounts = new ConcurrentHashMap<>();
    private final AtomicLong eventsWritten = new AtomicLong();
    private final long startedAtMillis;
    private final byte[] banner;
    private final AmiFrame successfulAuthTemplate;
    private volatile boolean ignoreActions;
    private volatile boolean closed;
    private volatile Consumer<AmiFrame> actionObserver = a -> { };

    public static Builder builder() {
        return new Builder();
    }

    /** A double with the captured account and queue, on a free loopback port. */
    public static AmiDouble start() {
        return builder().start();
    }

    private AmiDouble(Builder b) {
        this.accounts = Map.copyOf(b.accounts);
        this.authFailureDelay = b.authFailureDelay;
        this.pbx = b.seedFromCapture ? PbxState.seededFromCapture(b.clock) : new PbxState(b.clock);
        for (String[] m : b.members) {
            pbx.addMember(m[0], m[1], m[2], m[2], false, 0, false);
        }
        Capture login = Capture.load("ami-agent-login.log");
        this.banner = login.banner();
        this.successfulAuthTemplate = login.firstEvent("SuccessfulAuth");
        this.startedAtMillis = b.clock.millis();
        try {
            this.server = new ServerSocket();
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        } catch (IOException e) {
            throw new UncheckedIOException("AMI double: cannot open a loopback port", e);
        }
        this.acceptor = new Thread(this::acceptLoop, "ami-double-accept-" + server.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public String host() {
        return server.getInetAddress().getHostAddress();
    }

    public int port() {
        return server.getLocalPort();
    }

    /**
     * Plays events as if Asterisk raised them: each frame is learnt, then written unchanged to every logged-in session
     * whose event mask and filters accept it. Returns when every session has been written to.
     */
    public synchronized void play(AmiFrame event) {
        pbx.learn(event);
        String text = null;
        for (Session s : sessions) {
            if (s.wants(event)) {
                if (text == null && s.hasFilters()) {
                    text = event.text();
                }
                s.write(event, text);
                eventsWritten.incrementAndGet();
            }
        }
    }

    public void play(List<AmiFrame> events) {
        for (AmiFrame e : events) {
            play(e);
        }
    }

    /** A cursor over a captured scenario, to play it all at once or step by step. */
    public Replay replay(Scenario scenario) {
        return new Replay(this, scenario.events());
    }

    public Replay replay(List<AmiFrame> events) {
        return new Replay(this, events);
    }

    /** Cuts every connection at once, as a network failure or an Asterisk restart would. */
    public void dropConnections() {
        for (Session s : sessions) {
            s.close();
        }
    }

    /** While true, actions are read and silently dropped: a half-dead Asterisk that only a Ping timeout reveals. */
    public void ignoreActions(boolean ignore) {
        this.ignoreActions = ignore;
    }

    /** Sees every action the double receives (on the connection's thread). */
    public void observeActions(Consumer<AmiFrame> observer) {
        this.actionObserver = observer;
    }

    public int loginAttempts() {
        return loginAttempts.get();
    }

    public int failedLogins() {
        return failedLogins.get();
    }

    /** How many actions of that name (case-insensitive) have been received, logged in or not. */
    public int actionCount(String action) {
        AtomicInteger n = actionCounts.get(action.toLowerCase(Locale.ROOT));
        return n == null ? 0 : n.get();
    }

    /** Sessions currently logged in. */
    public int loggedInSessions() {
        return (int) sessions.stream().filter(s -> s.authenticated).count();
    }

    /** Event frames written to sessions so far (after masks and filters). */
    public long eventsWritten() {
        return eventsWritten.get();
    }

    @Override
    public void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException e) {
            log.debug("closing the AMI double's port", e);
        }
        dropConnections();
        try {
            acceptor.join(2000);
            for (Session s : sessions) {
                s.thread.join(2000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket socket = server.accept();
                socket.setTcpNoDelay(true);
                Session s = new Session(socket, sessionCounter.incrementAndGet());
                sessions.add(s);
                s.thread.start();
            } catch (IOException e) {
                if (!closed) {
                    log.warn("AMI double: accept failed: {}", e.toString());
                }
            }
        }
    }

    /** One AMI connection: greeting, then actions read and answered until Logoff, a failed login or a drop. */
    private final class Session {
        private final Socket socket;
        private final OutputStream out;
        private final Thread thread;
        private volatile boolean authenticated;
        private volatile Set<String> eventMask = ALL_CLASSES;
        private final List<EventFilter> includes = new CopyOnWriteArrayList<>();
        private final List<EventFilter> excludes = new CopyOnWriteArrayList<>();
        private String challenge;

        Session(Socket socket, int number) throws IOException {
            this.socket = socket;
            this.out = new BufferedOutputStream(socket.getOutputStream(), 16 * 1024);
            this.thread = new Thread(this::run, "ami-double-session-" + number);
            thread.setDaemon(true);
        }

        boolean hasFilters() {
            return !includes.isEmpty() || !excludes.isEmpty();
        }

        boolean wants(AmiFrame event) {
            if (!authenticated || socket.isClosed()) {
                return false;
            }
            List<String> classes = event.privileges();
            if (!classes.isEmpty()) {
                boolean any = false;
                for (String c : classes) {
                    if (!"all".equals(c) && eventMask.contains(c)) {
                        any = true;
                        break;
                    }
                }
                if (!any) {
                    return false;
                }
            }
            return true;
        }

        /** Applies the session's filters the way manager.c should_send_event does, then writes. */
        void write(AmiFrame event, String text) {
            if (hasFilters()) {
                boolean included = includes.isEmpty() || includes.stream().anyMatch(f -> f.matches(event, text));
                if (!included || excludes.stream().anyMatch(f -> f.matches(event, text))) {
                    return;
                }
            }
            send(event);
        }

        void send(AmiFrame frame) {
            synchronized (out) {
                try {
                    frame.writeTo(out);
                    out.flush();
                } catch (IOException e) {
                    close();
                }
            }
        }

        void sendRaw(byte[] bytes) throws IOException {
            synchronized (out) {
                out.write(bytes);
                out.flush();
            }
        }

        void close() {
            try {
                socket.close();
            } catch (IOException e) {
                log.debug("closing an AMI double session", e);
            }
        }

        private void run() {
            try (socket) {
                sendRaw(banner);
                InputStream in = new BufferedInputStream(socket.getInputStream());
                while (true) {
                    List<AmiFrame.Header> action = readMessage(in);
                    if (action == null) {
                        break;
                    }
                    if (action.isEmpty()) {
                        continue;
                    }
                    AmiFrame frame = AmiFrame.of(action);
                    String name = frame.get("Action");
                    actionCounts.computeIfAbsent(name == null ? "" : name.toLowerCase(Locale.ROOT),
                            k -> new AtomicInteger()).incrementAndGet();
                    actionObserver.accept(frame);
                    if (ignoreActions) {
                        continue;
                    }
                    if (!handle(frame)) {
                        break;
                    }
                }
            } catch (IOException e) {
                log.debug("AMI double session ended: {}", e.toString());
            } finally {
                sessions.remove(this);
            }
        }

        /** Reads header lines up to an empty line; null at end of stream. */
        private List<AmiFrame.Header> readMessage(InputStream in) throws IOException {
            List<AmiFrame.Header> headers = new ArrayList<>();
            ByteArrayOutputStream line = new ByteArrayOutputStream(64);
            while (true) {
                int b = in.read();
                if (b < 0) {
                    return null;
                }
                if (b != '\n') {
                    line.write(b);
                    continue;
                }
                String text = line.toString(StandardCharsets.UTF_8);
                line.reset();
                if (text.endsWith("\r")) {
                    text = text.substring(0, text.length() - 1);
                }
                if (text.isEmpty()) {
                    return headers;
                }
                int colon = text.indexOf(':');
                if (colon > 0) {
                    headers.add(new AmiFrame.Header(text.substring(0, colon).trim(), text.substring(colon + 1).trim()));
                }
            }
        }

        /** Answers one action; false to close the connection. */
        private boolean handle(AmiFrame action) throws IOException {
            String name = action.get("Action");
            String id = action.get("ActionID");
            if (name == null || name.isBlank()) {
                send(response(id, "Error", "Missing action in request"));
                return true;
            }
            String lower = name.toLowerCase(Locale.ROOT);
            if (!authenticated && !Set.of("login", "logoff", "challenge").contains(lower)) {
                send(response(id, "Error", "Permission denied"));
                return true;
            }
            switch (lower) {
                case "login" -> {
                    return login(action, id);
                }
                case "challenge" -> {
                    if ("md5".equalsIgnoreCase(action.get("AuthType"))) {
                        challenge = Integer.toString(100_000_000 + new SecureRandom().nextInt(900_000_000));
                        send(withId(id, "Response", "Success").plus("Challenge", challenge));
                    } else {
                        send(response(id, "Error", "Must specify AuthType"));
                    }
                }
                case "logoff" -> {
                    send(response(id, "Goodbye", "Thanks for all the fish."));
                    return false;
                }
                case "ping" -> {
                    long micros = System.currentTimeMillis() * 1000 + (System.nanoTime() / 1000) % 1000;
                    send(withId(id, "Response", "Success").plus("Ping", "Pong")
                            .plus("Timestamp", String.format(Locale.ROOT, "%d.%06d", micros / 1_000_000, micros % 1_000_000)));
                }
                case "events" -> {
                    Set<String> mask = mask(action.get("EventMask"));
                    eventMask = mask;
                    send(withId(id, "Response", "Success").plus("Events", mask.isEmpty() ? "Off" : "On"));
                }
                case "filter" -> filter(action, id);
                case "coresettings" -> send(withId(id, "Response", "Success")
                        .plus("AMIversion", AMI_VERSION).plus("AsteriskVersion", ASTERISK_VERSION)
                        .plus("SystemName", "").plus("CoreMaxCalls", "0").plus("CoreMaxLoadAvg", "0.000000")
                        .plus("CoreRunUser", "").plus("CoreRunGroup", "").plus("CoreMaxFilehandles", "0")
                        .plus("CoreRealTimeEnabled", "No").plus("CoreCDRenabled", "No")
                        .plus("CoreHTTPenabled", "No").plus("SoundsSearchCustomDir", "No"));
                default -> {
                    synchronized (AmiDouble.this) {
                        QueueActions.Answer answer = QueueActions.answer(pbx, action, lower, id);
                        if (answer == null) {
                            send(response(id, "Error", "Invalid/unknown command: " + name
                                    + ". Use Action: ListCommands to show available commands."));
                        } else {
                            for (AmiFrame f : answer.toRequester()) {
                                send(f);
                            }
                            for (AmiFrame e : answer.events()) {
                                play(e);
                            }
                        }
                    }
                }
            }
            return true;
        }

        private boolean login(AmiFrame action, String id) throws IOException {
            if (authenticated) {
                send(response(id, "Success", "Already authenticated"));
                return true;
            }
            loginAttempts.incrementAndGet();
            String user = action.get("Username");
            String secret = user == null ? null : accounts.get(user);
            boolean ok;
            if (secret == null) {
                ok = false;
            } else if ("md5".equalsIgnoreCase(action.get("AuthType"))) {
                ok = challenge != null && md5(challenge + secret).equalsIgnoreCase(String.valueOf(action.get("Key")));
            } else {
                ok = secret.equals(action.get("Secret"));
            }
            if (!ok) {
                failedLogins.incrementAndGet();
                try {
                    Thread.sleep(authFailureDelay.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                send(response(id, "Error", "Authentication failed"));
                return false;
            }
            eventMask = mask(action.get("Events"));
            send(response(id, "Success", "Authentication accepted"));
            authenticated = true;
            if (eventMask.contains("system")) {
                long uptime = Math.max(1, (pbx.nowMillis() - startedAtMillis) / 1000);
                send(AmiFrame.of("Event", "FullyBooted", "Privilege", "system,all", "Uptime", Long.toString(uptime),
                        "LastReload", Long.toString(uptime), "Status", "Fully Booted"));
            }
            AmiFrame auth = successfulAuthTemplate.with("AccountID", user)
                    .with("RemoteAddress", "IPV4/TCP/" + socket.getInetAddress().getHostAddress() + "/" + socket.getPort());
            synchronized (AmiDouble.this) {
                play(auth);
            }
            return true;
        }

        private void filter(AmiFrame action, String id) {
            if (!"add".equalsIgnoreCase(action.get("Operation"))) {
                send(response(id, "Error", "Unknown operation"));
                return;
            }
            try {
                EventFilter f = EventFilter.parse(action.get("MatchCriteria"), action.get("Filter"));
                (f.include() ? includes : excludes).add(f);
                send(response(id, "Success", "Success"));
            } catch (EventFilter.Refused e) {
                send(response(id, "Error", e.getMessage()));
            }
        }
    }

    /** The {@code Events:} value of Login or the {@code EventMask:} of Events, as a set of event classes. */
    static Set<String> mask(String value) {
        if (value == null || value.isBlank()) {
            return ALL_CLASSES;
        }
        String v = value.trim().toLowerCase(Locale.ROOT);
        switch (v) {
            case "on", "yes", "true", "all", "1" -> {
                return ALL_CLASSES;
            }
            case "off", "no", "false", "0" -> {
                return Set.of();
            }
            default -> {
                Set<String> classes = new java.util.HashSet<>();
                for (String c : v.split(",")) {
                    if (!c.isBlank()) {
                        classes.add(c.trim());
                    }
                }
                return Set.copyOf(classes);
            }
        }
    }

    static AmiFrame response(String id, String response, String message) {
        AmiFrame f = withId(id, "Response", response);
        return message == null ? f : f.plus("Message", message);
    }

    /** {@code Response: …} then {@code ActionID: …} only when the action had one, as manager.c does. */
    static AmiFrame withId(String id, String name, String value) {
        return id == null || id.isEmpty() ? AmiFrame.of(name, value) : AmiFrame.of(name, value, "ActionID", id);
    }

    private static String md5(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is part of every JRE", e);
        }
    }
}
