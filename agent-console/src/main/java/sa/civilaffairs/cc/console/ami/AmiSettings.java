package sa.civilaffairs.cc.console.ami;

import java.time.Duration;
import java.util.Map;

/**
 * How the console reaches Asterisk's Manager Interface: section {@code ami} of config/console.yaml, each value
 * overridable by an environment variable ({@code CC_AMI_HOST}, {@code CC_AMI_PORT}, {@code CC_AMI_USER},
 * {@code CC_AMI_SECRET}). {@code toString()} hides the secret.
 *
 * @param responseTimeout    how long an action may wait for Asterisk's answer
 * @param pingInterval       an idle link is pinged this often; a Ping without Pong means the link is dead
 * @param backoffMin         first reconnect delay; doubles on each failure (with jitter) up to {@code backoffMax}
 * @param authFailureRetry   delay before trying again after {@code Authentication failed} (no storm of logins)
 * @param eventQueueCapacity events waiting for the live model; beyond it events are dropped and state is rebuilt
 */
public record AmiSettings(String host, int port, String username, String secret, Duration connectTimeout,
        Duration responseTimeout, Duration pingInterval, Duration backoffMin, Duration backoffMax,
        Duration authFailureRetry, int eventQueueCapacity) {
    public static final int DEFAULT_PORT = 5038;

    public AmiSettings {
        if (host == null || host.isBlank()) {
            throw new AmiException.BadSettings("ami.host: " + host + " (expected: Asterisk's host name or address)");
        }
        if (port < 1 || port > 65535) {
            throw new AmiException.BadSettings("ami.port: " + port + " (expected: 1-65535, Asterisk's default is 5038)");
        }
        if (username == null || username.isBlank()) {
            throw new AmiException.BadSettings("ami.user: " + username + " (expected: a [user] of manager.conf)");
        }
        if (secret == null || secret.isEmpty()) {
            throw new AmiException.BadSettings("ami.secret (expected: the user's secret from manager.conf)");
        }
        positive(connectTimeout, "ami.connectTimeout");
        positive(responseTimeout, "ami.responseTimeout");
        positive(pingInterval, "ami.pingInterval");
        positive(backoffMin, "ami.backoffMin");
        positive(backoffMax, "ami.backoffMax");
        positive(authFailureRetry, "ami.authFailureRetry");
        if (backoffMax.compareTo(backoffMin) < 0) {
            throw new AmiException.BadSettings("ami.backoffMax: " + backoffMax + " (expected: at least backoffMin " + backoffMin + ")");
        }
        if (eventQueueCapacity < 1000) {
            throw new AmiException.BadSettings("ami.eventQueueCapacity: " + eventQueueCapacity + " (expected: at least 1000)");
        }
    }

    /** Production defaults: 5 s connect, 3 s answers, ping every 20 s, backoff 0.5 s → 30 s, 60 s after a refusal. */
    public static AmiSettings of(String host, int port, String username, String secret) {
        return new AmiSettings(host, port, username, secret, Duration.ofSeconds(5), Duration.ofSeconds(3),
                Duration.ofSeconds(20), Duration.ofMillis(500), Duration.ofSeconds(30), Duration.ofSeconds(60), 100_000);
    }

    public AmiSettings withBackoff(Duration min, Duration max) {
        return new AmiSettings(host, port, username, secret, connectTimeout, responseTimeout, pingInterval, min, max,
                authFailureRetry, eventQueueCapacity);
    }

    public AmiSettings withPingInterval(Duration interval) {
        return new AmiSettings(host, port, username, secret, connectTimeout, responseTimeout, interval, backoffMin,
                backoffMax, authFailureRetry, eventQueueCapacity);
    }

    public AmiSettings withAuthFailureRetry(Duration retry) {
        return new AmiSettings(host, port, username, secret, connectTimeout, responseTimeout, pingInterval, backoffMin,
                backoffMax, retry, eventQueueCapacity);
    }

    public AmiSettings withResponseTimeout(Duration timeout) {
        return new AmiSettings(host, port, username, secret, connectTimeout, timeout, pingInterval, backoffMin,
                backoffMax, authFailureRetry, eventQueueCapacity);
    }

    /**
     * Reads the {@code ami} section (a parsed YAML map), then the environment overrides.
     * Keys: host, port, user, secret, and optionally connectTimeout, responseTimeout, pingInterval, backoffMin,
     * backoffMax, authFailureRetry (ISO-8601 like {@code PT20S} or {@code 500ms}/{@code 20s}/{@code 2m}), eventQueueCapacity.
     */
    public static AmiSettings fromConfig(Map<String, ?> section, Map<String, String> env) {
        Map<String, ?> s = section == null ? Map.of() : section;
        String host = pick(env, "CC_AMI_HOST", s.get("host"), "127.0.0.1");
        String port = pick(env, "CC_AMI_PORT", s.get("port"), Integer.toString(DEFAULT_PORT));
        String user = pick(env, "CC_AMI_USER", s.get("user"), null);
        String secret = pick(env, "CC_AMI_SECRET", s.get("secret"), null);
        AmiSettings d;
        try {
            d = of(host, Integer.parseInt(port.trim()), user, secret);
        } catch (NumberFormatException e) {
            throw new AmiException.BadSettings("ami.port: " + port + " (expected: a number, e.g. 5038)");
        }
        return new AmiSettings(d.host, d.port, d.username, d.secret,
                duration(s.get("connectTimeout"), d.connectTimeout, "connectTimeout"),
                duration(s.get("responseTimeout"), d.responseTimeout, "responseTimeout"),
                duration(s.get("pingInterval"), d.pingInterval, "pingInterval"),
                duration(s.get("backoffMin"), d.backoffMin, "backoffMin"),
                duration(s.get("backoffMax"), d.backoffMax, "backoffMax"),
                duration(s.get("authFailureRetry"), d.authFailureRetry, "authFailureRetry"),
                s.get("eventQueueCapacity") == null ? d.eventQueueCapacity
                        : Integer.parseInt(String.valueOf(s.get("eventQueueCapacity")).trim()));
    }

    @Override
    public String toString() {
        return "AmiSettings[" + username + "@" + host + ":" + port + ", secret=***, ping=" + pingInterval
                + ", backoff=" + backoffMin + ".." + backoffMax + ", authFailureRetry=" + authFailureRetry + "]";
    }

    private static String pick(Map<String, String> env, String var, Object configured, String fallback) {
        String fromEnv = env == null ? null : env.get(var);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return fromEnv;
        }
        return configured == null ? fallback : String.valueOf(configured);
    }

    static Duration duration(Object value, Duration fallback, String key) {
        if (value == null) {
            return fallback;
        }
        String v = String.valueOf(value).trim().toLowerCase(java.util.Locale.ROOT);
        try {
            if (v.startsWith("p")) {
                return Duration.parse(v.toUpperCase(java.util.Locale.ROOT));
            }
            if (v.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2).trim()));
            }
            if (v.endsWith("s")) {
                return Duration.ofMillis(Math.round(Double.parseDouble(v.substring(0, v.length() - 1).trim()) * 1000));
            }
            if (v.endsWith("m")) {
                return Duration.ofSeconds(Long.parseLong(v.substring(0, v.length() - 1).trim()) * 60);
            }
        } catch (RuntimeException e) {
            // fall through to the message below
        }
        throw new AmiException.BadSettings("ami." + key + ": " + value + " (expected: a duration like 500ms, 20s, 2m or PT20S)");
    }

    private static void positive(Duration d, String key) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new AmiException.BadSettings(key + ": " + d + " (expected: a positive duration)");
        }
    }
}
