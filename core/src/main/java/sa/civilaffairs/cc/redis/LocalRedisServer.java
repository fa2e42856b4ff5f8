package sa.civilaffairs.cc.redis;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real {@code redis-server} process on loopback, for dev mode and tests: the system's binary if one is on the PATH
 * (Debian's {@code redis-server}), else the Linux binary that the embedded-redis artifact ships.
 */
public final class LocalRedisServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(LocalRedisServer.class);
    private static final String BUNDLED = "redis-server-6.2.6-v5-linux-amd64";

    private final int port;
    private final Path dataDir;
    private final boolean persistent;
    private final Path configFile;
    private volatile Process process;

    private LocalRedisServer(int port, Path dataDir, boolean persistent, Path configFile) {
        this.port = port;
        this.dataDir = dataDir;
        this.persistent = persistent;
        this.configFile = configFile;
    }

    /** Starts an in-memory server (no RDB, no AOF) on a free port. */
    public static LocalRedisServer startEphemeral() {
        return start(freePort(), null, false);
    }

    /**
     * Starts a server on {@code port} (0 for any free port). With {@code persistent} it keeps an append-only file in
     * {@code dataDir}, so a restart on the same directory finds the same data.
     */
    public static LocalRedisServer start(int port, Path dataDir, boolean persistent) {
        try {
            Path dir = dataDir != null ? dataDir : Files.createTempDirectory("cc-redis");
            LocalRedisServer server = new LocalRedisServer(port == 0 ? freePort() : port, dir, persistent, null);
            server.startProcess();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Starts a server that reads {@code configFile} (e.g. the production {@code config/redis.conf}) for everything
     * but where it listens and keeps its files: port ({@code 0} for any free port), loopback, {@code dataDir}, log file
     * and foreground mode are given on the command line, which wins over the file.
     */
    public static LocalRedisServer startWithConfig(Path configFile, int port, Path dataDir) {
        if (!Files.isRegularFile(configFile)) {
            throw new IllegalArgumentException("redis config " + configFile + " (expected: an existing file)");
        }
        try {
            Path dir = dataDir != null ? dataDir : Files.createTempDirectory("cc-redis");
            LocalRedisServer server = new LocalRedisServer(port == 0 ? freePort() : port, dir, true,
                    configFile.toAbsolutePath());
            server.startProcess();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return port;
    }

    public Path dataDir() {
        return dataDir;
    }

    public RedisSettings settings() {
        return RedisSettings.local(port);
    }

    public boolean isRunning() {
        Process p = process;
        return p != null && p.isAlive();
    }

    /** Stops the process the way a crash would not: SHUTDOWN lets the AOF be flushed when persistent. */
    public void stop() {
        Process p = process;
        if (p == null) {
            return;
        }
        process = null;
        p.destroy();
        try {
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
        }
    }

    /** Kills the process at once (SIGKILL), as a crash or an operator's kill -9 would. */
    public void kill() {
        Process p = process;
        if (p == null) {
            return;
        }
        process = null;
        p.destroyForcibly();
        try {
            p.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Starts the server again on the same port and data directory. */
    public void restart() {
        stop();
        startProcess();
    }

    /** Starts the process again after {@link #stop()} or {@link #kill()}. */
    public void startAgain() {
        if (!isRunning()) {
            startProcess();
        }
    }

    @Override
    public void close() {
        stop();
    }

    private void startProcess() {
        List<String> cmd = new ArrayList<>(List.of(binary().toString()));
        if (configFile != null) {
            cmd.add(configFile.toString());
        }
        cmd.addAll(List.of(
                "--port", Integer.toString(port),
                "--bind", "127.0.0.1",
                "--dir", dataDir.toString(),
                "--protected-mode", "no",
                "--daemonize", "no",
                "--loglevel", "warning",
                "--logfile", dataDir.resolve("redis.log").toString()));
        if (configFile == null) {
            // no snapshots; an append-only file only when asked to persist
            cmd.addAll(List.of("--save", ""));
            cmd.addAll(persistent ? List.of("--appendonly", "yes", "--appendfsync", "everysec")
                    : List.of("--appendonly", "no"));
        }
        try {
            process = new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start redis-server", e);
        }
        awaitPong(Duration.ofSeconds(20));
        log.debug("redis-server on port {} (data {})", port, dataDir);
    }

    private void awaitPong(Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (!isRunning()) {
                throw new IllegalStateException("redis-server exited at start; see " + dataDir.resolve("redis.log"));
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                s.setSoTimeout(500);
                s.getOutputStream().write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
                byte[] buf = new byte[64];
                int n = s.getInputStream().read(buf);
                if (n > 0 && new String(buf, 0, n, StandardCharsets.US_ASCII).startsWith("+PONG")) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet, or still loading the AOF
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for redis-server", e);
            }
        }
        throw new IllegalStateException("redis-server did not answer PING on port " + port + " within " + limit);
    }

    private static Path binary() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            Path candidate = Path.of(dir, "redis-server");
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        for (Path candidate : List.of(Path.of("/usr/bin/redis-server"), Path.of("/usr/local/bin/redis-server"))) {
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return bundledBinary();
    }

    private static synchronized Path bundledBinary() {
        try (InputStream in = LocalRedisServer.class.getClassLoader().getResourceAsStream(BUNDLED)) {
            if (in == null) {
                throw new IllegalStateException("no redis-server on PATH and no bundled binary " + BUNDLED);
            }
            Path target = Path.of(System.getProperty("java.io.tmpdir"), "cc-" + BUNDLED);
            if (!Files.isExecutable(target)) {
                Path tmp = Files.createTempFile("cc-redis", ".bin");
                Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
                tmp.toFile().setExecutable(true);
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("could not unpack the bundled redis-server", e);
        }
    }

    /** A port that was free a moment ago on loopback. */
    public static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
