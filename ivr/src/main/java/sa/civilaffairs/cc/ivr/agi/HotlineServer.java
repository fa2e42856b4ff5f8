package sa.civilaffairs.cc.ivr.agi;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.asteriskjava.fastagi.AgiChannelFactory;
import org.asteriskjava.fastagi.AgiException;
import org.asteriskjava.fastagi.AgiReader;
import org.asteriskjava.fastagi.AgiRequest;
import org.asteriskjava.fastagi.AgiScript;
import org.asteriskjava.fastagi.AgiWriter;
import org.asteriskjava.fastagi.internal.DefaultAgiChannelFactory;
import org.asteriskjava.fastagi.reply.AgiReply;
import org.asteriskjava.fastagi.DefaultAgiServer;
import org.asteriskjava.fastagi.MappingStrategy;
import org.asteriskjava.util.ServerSocketFacade;
import org.asteriskjava.util.SocketConnectionFacade;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sa.civilaffairs.cc.ivr.IvrConfig;
import sa.civilaffairs.cc.ivr.IvrException;

/**
 * The FastAGI server of the hotline, on Asterisk-Java's {@link DefaultAgiServer} with two things replaced:
 * <ul>
 * <li>the listening socket is ours: bound to the configured address (port 0 works), and a connection whose peer is
 * not one of the allowed Asterisk hosts is closed before a byte is read;</li>
 * <li>the pool: one platform thread per call, up to {@code agi.maxCalls}, created on demand and ended after a minute
 * idle (Asterisk-Java's default pool stops at 500 and drops the call beyond it). A call beyond {@code maxCalls} is
 * refused at once (its socket closed), so Asterisk continues the dialplan with {@code AGISTATUS=FAILURE}; the
 * dialplan sends it to the agents' queue. Nothing queues inside the IVR: a call waiting for a thread would hear
 * silence.</li>
 * </ul>
 * Scripts are mapped by the request's script name ({@code agi://host/hotline} → {@code hotline}). Thread-safe;
 * {@link #close()} stops accepting and lets calls under way finish.
 */
public final class HotlineServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HotlineServer.class);
    private static final int BACKLOG = 512;

    private final Server server;
    private final Thread acceptor;
    private final ServerSocket socket;
    private final AtomicLong refusedHosts = new AtomicLong();
    private final AtomicLong refusedFull = new AtomicLong();
    private final CommandTimes commandTimes = new CommandTimes();

    private HotlineServer(IvrConfig.Agi config, Map<String, AgiScript> scripts) throws IOException {
        Set<InetAddress> allowed = resolve(config.allowedHosts());
        socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(InetAddress.getByName(config.host()), config.port()), BACKLOG);
        MappingStrategy mapping = (request, channel) -> scripts.get(request.getScript());
        server = new Server(mapping, new GuardedSocket(socket, allowed, (int) config.readTimeout().toMillis()),
                config);
        CountDownLatch listening = new CountDownLatch(1);
        acceptor = new Thread(() -> {
            listening.countDown();
            server.run();
        }, "agi-accept");
        acceptor.setDaemon(true);
        acceptor.start();
        try {
            listening.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LOG.info("FastAGI listening on {}:{} for {}; scripts {}; up to {} calls", config.host(), port(),
                config.allowedHosts(), scripts.keySet(), config.maxCalls());
    }

    /** Binds and starts accepting; {@code scripts} maps script names to their (stateless, thread-safe) scripts. */
    public static HotlineServer start(IvrConfig.Agi config, Map<String, AgiScript> scripts) {
        try {
            return new HotlineServer(config, Map.copyOf(scripts));
        } catch (IOException e) {
            throw new IvrException("FastAGI: cannot listen on " + config.host() + ":" + config.port() + " ("
                    + e.getMessage() + ")", e);
        }
    }

    public int port() {
        return socket.getLocalPort();
    }

    public InetSocketAddress address() {
        return new InetSocketAddress(socket.getInetAddress(), port());
    }

    /** Calls under way now. */
    public int activeCalls() {
        return server.active.get();
    }

    /** Connections closed unread because the peer is not an allowed Asterisk host. */
    public long refusedHosts() {
        return refusedHosts.get();
    }

    /** The IVR's own time per AGI command, from each answer read to the next command written. */
    public CommandTimes commandTimes() {
        return commandTimes;
    }

    /** Channels that time the IVR between Asterisk's answer and the next command. */
    private static AgiChannelFactory timedChannels(CommandTimes times) {
        DefaultAgiChannelFactory channels = new DefaultAgiChannelFactory();
        return (request, writer, reader) -> {
            long[] answeredAt = {0};
            AgiReader timedReader = new AgiReader() {
                @Override
                public AgiRequest readRequest() throws AgiException {
                    return reader.readRequest();
                }

                @Override
                public AgiReply readReply() throws AgiException {
                    AgiReply reply = reader.readReply();
                    answeredAt[0] = System.nanoTime();
                    return reply;
                }
            };
            AgiWriter timedWriter = command -> {
                if (answeredAt[0] != 0) {
                    times.record(System.nanoTime() - answeredAt[0]);
                }
                writer.sendCommand(command);
            };
            return channels.createAgiChannel(request, timedWriter, timedReader);
        };
    }

    /** Calls refused because {@code maxCalls} calls were already under way. */
    public long refusedFull() {
        return refusedFull.get();
    }

    @Override
    public void close() {
        server.shutdown();
        try {
            acceptor.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Set<InetAddress> resolve(Iterable<String> hosts) {
        Set<InetAddress> out = new HashSet<>();
        for (String host : hosts) {
            try {
                for (InetAddress a : InetAddress.getAllByName(host)) {
                    out.add(a);
                }
            } catch (UnknownHostException e) {
                throw new IvrException("agi.allowedHosts: " + host + " (expected: an address or a resolvable name)", e);
            }
        }
        return out;
    }

    private final class Server extends DefaultAgiServer {
        private final ServerSocketFacade facade;
        private final IvrConfig.Agi config;
        private final AtomicInteger active = new AtomicInteger();

        Server(MappingStrategy mapping, ServerSocketFacade facade, IvrConfig.Agi config) {
            super(null, mapping, timedChannels(commandTimes));
            this.facade = facade;
            this.config = config;
            setPort(socket.getLocalPort());
        }

        @Override
        protected ServerSocketFacade createServerSocket() {
            return facade;
        }

        @Override
        protected ThreadPoolExecutor createPool() {
            AtomicInteger n = new AtomicInteger();
            long stack = config.threadStackKb() * 1024L;
            ThreadFactory threads = r -> {
                Thread t = new Thread(null, r, "agi-call-" + n.incrementAndGet(), stack);
                t.setDaemon(true);
                return t;
            };
            ThreadPoolExecutor pool = new ThreadPoolExecutor(config.maxCalls(), config.maxCalls(), 60,
                    TimeUnit.SECONDS, new SynchronousQueue<>(), threads, (r, executor) -> {
                        refusedFull.incrementAndGet();
                        LOG.warn("FastAGI: all {} call threads busy, call refused (the dialplan queues it)",
                                config.maxCalls());
                        throw new java.util.concurrent.RejectedExecutionException("full");
                    }) {
                @Override
                protected void beforeExecute(Thread t, Runnable r) {
                    active.incrementAndGet();
                }

                @Override
                protected void afterExecute(Runnable r, Throwable t) {
                    active.decrementAndGet();
                }
            };
            pool.allowCoreThreadTimeOut(true);
            return pool;
        }
    }

    /**
     * Our listening socket behind Asterisk-Java's facade: refuses peers that are not allowed, sets the read timeout.
     * Asterisk-Java builds its connection object only from a socket it accepted itself (package-private constructor),
     * so we call that constructor reflectively.
     */
    private final class GuardedSocket implements ServerSocketFacade {
        private final ServerSocket server;
        private final Set<InetAddress> allowed;
        private volatile int readTimeoutMillis;
        private final Constructor<?> wrap;

        GuardedSocket(ServerSocket server, Set<InetAddress> allowed, int readTimeoutMillis) {
            this.server = server;
            this.allowed = allowed;
            this.readTimeoutMillis = readTimeoutMillis;
            try {
                wrap = Class.forName("org.asteriskjava.util.internal.SocketConnectionFacadeImpl")
                        .getDeclaredConstructor(Socket.class);
                wrap.setAccessible(true);
            } catch (ReflectiveOperationException e) {
                throw new IvrException("asterisk-java: SocketConnectionFacadeImpl(Socket) not found", e);
            }
        }

        @Override
        public SocketConnectionFacade accept() throws IOException {
            while (true) {
                Socket s = server.accept();
                InetAddress peer = s.getInetAddress();
                if (!allowed.contains(peer)) {
                    refusedHosts.incrementAndGet();
                    LOG.warn("FastAGI: connection from {} refused (not in agi.allowedHosts)", peer.getHostAddress());
                    s.setSoLinger(true, 0);
                    s.close();
                    continue;
                }
                try {
                    s.setSoTimeout(readTimeoutMillis);
                    s.setTcpNoDelay(true);
                    return (SocketConnectionFacade) wrap.newInstance(s);
                } catch (SocketException e) {
                    s.close();
                } catch (ReflectiveOperationException e) {
                    s.close();
                    throw new IOException("cannot wrap the accepted socket", e);
                }
            }
        }

        @Override
        public void close() throws IOException {
            server.close();
        }

        @Override
        public void setSocketReadTimeout(int millis) {
            // our own agi.readTimeout wins over Asterisk-Java's default
        }
    }
}
