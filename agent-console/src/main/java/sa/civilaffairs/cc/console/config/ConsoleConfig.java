package sa.civilaffairs.cc.console.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import sa.civilaffairs.cc.config.ConfigFile;

/**
 * Everything the console reads from {@code config/console.yaml} (after environment overrides), validated when built:
 * a bad value throws {@link ConfigException} naming the key.
 *
 * @param usersFile the accounts file ({@code console-users.yaml}); seeded into Redis at start-up
 * @param devMode   demo accounts with plain passwords are accepted (and printed at start-up) only in dev mode
 * @param workers   threads that run Redis and registry calls off the event loop
 */
public record ConsoleConfig(Http http, SessionPolicy session, ThrottlePolicy throttle, Path usersFile,
                            boolean devMode, int workers) {

    public ConsoleConfig {
        if (http == null || session == null || throttle == null) {
            throw new ConfigException("console: http, session and throttle are required");
        }
        if (usersFile == null) {
            throw new ConfigException("users.file: empty (expected: the path of console-users.yaml)");
        }
        if (workers < 1 || workers > 512) {
            throw new ConfigException("workers: " + workers + " (expected: 1-512)");
        }
    }

    /**
     * @param instances       event-loop verticle instances sharing the port
     * @param tls             a PKCS#12 key store when the console itself terminates TLS
     * @param behindTlsProxy  a load balancer terminates TLS: cookies are still marked Secure
     * @param trustForwardedFor the client address for the login throttle is the last {@code X-Forwarded-For} hop
     */
    public record Http(String host, int port, int instances, Optional<Tls> tls, boolean behindTlsProxy,
                       boolean trustForwardedFor) {
        public Http {
            if (host == null || host.isBlank()) {
                throw new ConfigException("http.host: empty (expected: an address to bind, e.g. 0.0.0.0)");
            }
            if (port < 0 || port > 65535) {
                throw new ConfigException("http.port: " + port + " (expected: 0-65535, 0 for any free port)");
            }
            if (instances < 1 || instances > 64) {
                throw new ConfigException("http.instances: " + instances + " (expected: 1-64)");
            }
            tls = tls == null ? Optional.empty() : tls;
        }

        /** Cookies carry the Secure flag: the browser reaches us over HTTPS. */
        public boolean secureCookies() {
            return tls.isPresent() || behindTlsProxy;
        }
    }

    public record Tls(Path keyStore, String password) {
        public Tls {
            if (keyStore == null || !Files.isReadable(keyStore)) {
                throw new ConfigException("http.tls.keyStore: " + keyStore + " (expected: a readable PKCS#12 file)");
            }
            password = password == null ? "" : password;
        }
    }

    /** Sessions end after {@code idleTimeout} without a request, and at the latest {@code maxLifetime} after sign-in. */
    public record SessionPolicy(Duration idleTimeout, Duration maxLifetime) {
        public SessionPolicy {
            if (idleTimeout == null || idleTimeout.isNegative() || idleTimeout.isZero()) {
                throw new ConfigException("session.idleTimeout: " + idleTimeout + " (expected: a positive duration)");
            }
            if (maxLifetime == null || maxLifetime.compareTo(idleTimeout) < 0) {
                throw new ConfigException("session.maxLifetime: " + maxLifetime
                        + " (expected: at least session.idleTimeout " + idleTimeout + ")");
            }
        }
    }

    /** Sign-in is refused for {@code window} once an account or a client address reaches its failure count. */
    public record ThrottlePolicy(int accountFailures, int addressFailures, Duration window) {
        public ThrottlePolicy {
            if (accountFailures < 1) {
                throw new ConfigException("throttle.accountFailures: " + accountFailures + " (expected: at least 1)");
            }
            if (addressFailures < accountFailures) {
                throw new ConfigException("throttle.addressFailures: " + addressFailures
                        + " (expected: at least throttle.accountFailures " + accountFailures + ")");
            }
            if (window == null || window.toSeconds() < 1) {
                throw new ConfigException("throttle.window: " + window + " (expected: at least one second)");
            }
        }
    }

    /** Reads {@code file}, with environment variables replacing {@code ${NAME:default}} placeholders. */
    public static ConsoleConfig load(Path file, Map<String, String> env) {
        ConfigFile f = ConfigFile.read(file, env, ConfigException::new);
        String keyStore = f.text("http.tls.keyStore", "");
        Optional<Tls> tls = keyStore.isEmpty() ? Optional.empty()
                : Optional.of(new Tls(resolve(file, keyStore), f.text("http.tls.password", "")));
        Http http = new Http(f.text("http.host", "127.0.0.1"), f.integer("http.port", 8080, 0, 65535),
                f.integer("http.instances", 2, 1, 64), tls, f.bool("http.behindTlsProxy", false),
                f.bool("http.trustForwardedFor", false));
        SessionPolicy session = new SessionPolicy(
                f.duration("session.idleTimeout", Duration.ofMinutes(30), Duration.ofSeconds(1), Duration.ofHours(24)),
                f.duration("session.maxLifetime", Duration.ofHours(12), Duration.ofSeconds(1), Duration.ofDays(7)));
        ThrottlePolicy throttle = new ThrottlePolicy(f.integer("throttle.accountFailures", 5, 1, 1000),
                f.integer("throttle.addressFailures", 20, 1, 100_000),
                f.duration("throttle.window", Duration.ofMinutes(15), Duration.ofSeconds(1), Duration.ofDays(1)));
        String users = f.text("users.file", "console-users.yaml");
        Path usersFile = resolve(file, users);
        if (!Files.isReadable(usersFile)) {
            throw f.wrong("users.file", users, "a readable accounts file, relative to " + file.getFileName());
        }
        return new ConsoleConfig(http, session, throttle, usersFile, f.bool("devMode", false),
                f.integer("workers", 32, 1, 512));
    }

    /** Reads {@code config/console.yaml} under {@code configDir} with the process environment. */
    public static ConsoleConfig load(Path configDir) {
        return load(configDir.resolve("console.yaml"), System.getenv());
    }

    public ConsoleConfig withHttp(Http other) {
        return new ConsoleConfig(other, session, throttle, usersFile, devMode, workers);
    }

    private static Path resolve(Path configFile, String path) {
        Path p = Path.of(path);
        Path dir = configFile.toAbsolutePath().getParent();
        return p.isAbsolute() || dir == null ? p : dir.resolve(p).normalize();
    }
}
