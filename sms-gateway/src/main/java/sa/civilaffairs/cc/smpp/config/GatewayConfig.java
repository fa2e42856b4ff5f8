package sa.civilaffairs.cc.smpp.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import sa.civilaffairs.cc.config.ConfigFile;

/**
 * Everything the gateway reads from {@code config/sms-gateway.yaml} (after environment overrides), validated when
 * built: a bad value throws {@link GatewayConfigException} naming the key and what was expected.
 */
public record GatewayConfig(List<BindConfig> binds, SourceAddress source, LinkTiming link, Inbound inbound,
                            Outbound outbound, Http http) {

    public GatewayConfig {
        if (binds == null || binds.isEmpty()) {
            throw new GatewayConfigException("binds: empty (expected: at least one SMSC connection)");
        }
        Set<String> names = new HashSet<>();
        for (BindConfig b : binds) {
            if (!names.add(b.name())) {
                throw new GatewayConfigException("binds.name: '" + b.name() + "' twice (expected: unique names)");
            }
        }
        binds = List.copyOf(binds);
        if (source == null || link == null || inbound == null || outbound == null || http == null) {
            throw new GatewayConfigException("sms-gateway: source, link, inbound, outbound and http are required");
        }
    }

    /** How the gateway binds: one transceiver session, or a transmitter and a receiver session side by side. */
    public enum BindMode { TRANSCEIVER, PAIR }

    /**
     * One SMSC connection.
     *
     * @param tps    submit_sm per second counted in segments (a 3-part message takes 3)
     * @param window most submit_sm waiting for their submit_sm_resp at once on this bind
     */
    public record BindConfig(String name, BindMode mode, String host, int port, boolean tls, String systemId,
                             String password, String systemType, String addressRange, int tps, int window,
                             Optional<TrustStore> trustStore) {

        public BindConfig(String name, BindMode mode, String host, int port, boolean tls, String systemId,
                          String password, String systemType, String addressRange, int tps, int window) {
            this(name, mode, host, port, tls, systemId, password, systemType, addressRange, tps, window,
                    Optional.empty());
        }

        public BindConfig {
            trustStore = trustStore == null ? Optional.empty() : trustStore;
            if (name == null || !name.matches("[A-Za-z0-9_.-]{1,32}")) {
                throw new GatewayConfigException("binds.name: '" + name + "' (expected: 1-32 letters, digits, . _ -)");
            }
            if (mode == null) {
                throw new GatewayConfigException("binds." + name + ".mode: empty (expected: transceiver or pair)");
            }
            if (host == null || host.isBlank()) {
                throw new GatewayConfigException("binds." + name + ".host: empty (expected: the SMSC's host name)");
            }
            if (port < 1 || port > 65535) {
                throw new GatewayConfigException("binds." + name + ".port: " + port + " (expected: 1-65535)");
            }
            // SMPP 3.4 §5.2.1-5.2.3: system_id 16, password 9, system_type 13 octets including the NUL
            if (systemId == null || systemId.isEmpty() || systemId.length() > 15) {
                throw new GatewayConfigException("binds." + name + ".systemId: '" + systemId
                        + "' (expected: 1-15 characters, as given by the operator)");
            }
            password = password == null ? "" : password;
            if (password.length() > 8) {
                throw new GatewayConfigException("binds." + name + ".password: " + password.length()
                        + " characters (expected: at most 8, SMPP 3.4)");
            }
            systemType = systemType == null ? "" : systemType;
            if (systemType.length() > 12) {
                throw new GatewayConfigException("binds." + name + ".systemType: '" + systemType
                        + "' (expected: at most 12 characters)");
            }
            addressRange = addressRange == null ? "" : addressRange;
            if (addressRange.length() > 40) {
                throw new GatewayConfigException("binds." + name + ".addressRange: too long (expected: at most 40)");
            }
            if (tps < 1 || tps > 100_000) {
                throw new GatewayConfigException("binds." + name + ".tps: " + tps + " (expected: 1-100000)");
            }
            if (window < 1 || window > 1000) {
                throw new GatewayConfigException("binds." + name + ".window: " + window + " (expected: 1-1000)");
            }
        }

        @Override
        public String toString() {
            return "BindConfig[" + name + " " + mode + " " + host + ":" + port + (tls ? " tls" : "") + " systemId="
                    + systemId + " tps=" + tps + " window=" + window + "]";
        }
    }

    /** A PKCS#12 trust store holding the SMSC's CA (or certificate), when the JVM's default trust does not. */
    public record TrustStore(Path path, String password) {
        public TrustStore {
            if (path == null || !java.nio.file.Files.isReadable(path)) {
                throw new GatewayConfigException("binds.trustStore: " + path + " (expected: a readable PKCS#12 file)");
            }
            password = password == null ? "" : password;
        }

        @Override
        public String toString() {
            return "TrustStore[" + path + "]";
        }
    }

    /** The short code the gateway sends from, with its type of number and numbering plan (SMPP 3.4 §5.2.5-5.2.6). */
    public record SourceAddress(String address, int ton, int npi) {
        public SourceAddress {
            if (address == null || !address.matches("[0-9]{3,15}")) {
                throw new GatewayConfigException("source.address: '" + address + "' (expected: 3-15 digits, e.g. 77799)");
            }
            if (ton < 0 || ton > 6) {
                throw new GatewayConfigException("source.ton: " + ton + " (expected: 0-6; 3 = network specific)");
            }
            if (npi < 0 || npi > 18) {
                throw new GatewayConfigException("source.npi: " + npi + " (expected: 0-18; 0 = unknown, 1 = E.164)");
            }
        }
    }

    /**
     * @param enquireLink     an enquire_link is sent after this long without traffic
     * @param responseTimeout a submit_sm without submit_sm_resp after this long is UNKNOWN (never resent)
     * @param rebindMin       first wait before a rebind; doubles up to {@code rebindMax}, with jitter
     * @param drainTimeout    on close, how long in-flight submits may take before unbind
     */
    public record LinkTiming(Duration enquireLink, Duration responseTimeout, Duration bindTimeout, Duration rebindMin,
                             Duration rebindMax, Duration drainTimeout) {
        public LinkTiming {
            if (rebindMax.compareTo(rebindMin) < 0) {
                throw new GatewayConfigException("link.rebindMax: " + rebindMax + " (expected: at least link.rebindMin "
                        + rebindMin + ")");
            }
        }
    }

    /**
     * @param dedupeWindow   how long a stored deliver_sm is remembered: a same one within it may be a retransmission
     *                       (when it came on another session, or our resp for the first was late), else it is the
     *                       citizen sending the same text again (see {@code RedisInbound})
     * @param echoWindow     a same deliver_sm within this long of the stored one is a retransmission on any session
     * @param respDoubtAfter a deliver_sm whose listener took longer than this may have had its resp too late for the
     *                       SMSC: a same one within the dedupe window is a retransmission
     * @param partsTtl       how long the parts of an incomplete long message are kept waiting for the rest
     */
    public record Inbound(Duration dedupeWindow, Duration echoWindow, Duration respDoubtAfter, Duration partsTtl) {
        public Inbound {
            if (echoWindow.compareTo(dedupeWindow) > 0) {
                throw new GatewayConfigException("inbound.echoWindow: " + echoWindow
                        + " (expected: at most inbound.dedupeWindow " + dedupeWindow + ")");
            }
        }
    }

    /**
     * @param consumer       this gateway's name in the outbox consumer group (unique per running gateway)
     * @param claimIdle      outbox entries another consumer took and did not finish for this long are claimed
     * @param throttleMax    longest back-off after ESME_RTHROTTLED / ESME_RMSGQFUL
     * @param throttleTries  attempts of one segment under throttling before the message fails
     * @param receiptWindow  how long the SMSC id map, early receipts and unknown parts wait for their match
     */
    public record Outbound(String consumer, Duration claimIdle, Duration throttleMax, int throttleTries,
                           Duration receiptWindow) {
        public Outbound {
            if (consumer == null || !consumer.matches("[A-Za-z0-9_.:-]{1,64}")) {
                throw new GatewayConfigException("outbound.consumer: '" + consumer
                        + "' (expected: 1-64 letters, digits, . _ : -)");
            }
        }
    }

    /** The HTTP API and metrics endpoint; {@code clients} maps an API key to the client's name. */
    public record Http(String host, int port, Map<String, String> clients, int workers) {
        public Http {
            if (host == null || host.isBlank()) {
                throw new GatewayConfigException("http.host: empty (expected: an address to bind)");
            }
            if (port < 0 || port > 65535) {
                throw new GatewayConfigException("http.port: " + port + " (expected: 0-65535, 0 for any free port)");
            }
            clients = Map.copyOf(clients);
        }

        @Override
        public String toString() {
            return "Http[" + host + ":" + port + " clients=" + clients.values() + "]";
        }
    }

    /** Reads {@code sms-gateway.yaml} under {@code configDir} with the process environment. */
    public static GatewayConfig load(Path configDir) {
        return load(configDir.resolve("sms-gateway.yaml"), System.getenv());
    }

    /** Reads {@code file}, with environment variables replacing {@code ${NAME:default}} placeholders. */
    public static GatewayConfig load(Path file, Map<String, String> env) {
        return from(ConfigFile.read(file, env, GatewayConfigException::new));
    }

    /** Parses YAML text; for tests. */
    public static GatewayConfig parse(String yaml, Map<String, String> env) {
        return from(ConfigFile.parse("sms-gateway.yaml", yaml, env, GatewayConfigException::new));
    }

    private static GatewayConfig from(ConfigFile f) {
        JsonNode list = f.at("binds");
        if (!list.isArray() || list.isEmpty()) {
            throw f.wrong("binds", list.toString(), "a list of at least one SMSC connection");
        }
        List<BindConfig> binds = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String p = "binds." + i + ".";
            String mode = f.text(p + "mode", "transceiver").toLowerCase(java.util.Locale.ROOT);
            BindMode m = switch (mode) {
                case "transceiver", "trx" -> BindMode.TRANSCEIVER;
                case "pair", "tx+rx", "transmitter+receiver" -> BindMode.PAIR;
                default -> throw f.wrong(p + "mode", mode, "transceiver or pair");
            };
            String trust = f.text(p + "trustStore", "");
            Optional<TrustStore> trustStore = Optional.empty();
            if (!trust.isEmpty()) {
                Path tp = Path.of(trust);
                Path dir = Path.of(f.source()).toAbsolutePath().getParent();
                tp = tp.isAbsolute() || dir == null ? tp : dir.resolve(tp).normalize();
                if (!java.nio.file.Files.isReadable(tp)) {
                    throw f.wrong(p + "trustStore", trust, "a readable PKCS#12 file, relative to the config file");
                }
                trustStore = Optional.of(new TrustStore(tp, f.text(p + "trustStorePassword", "")));
            }
            binds.add(new BindConfig(f.text(p + "name", "smsc" + (i + 1)), m, f.text(p + "host", ""),
                    f.integer(p + "port", 2775, 1, 65535), f.bool(p + "tls", false), f.text(p + "systemId", ""),
                    f.text(p + "password", ""), f.text(p + "systemType", ""), f.text(p + "addressRange", ""),
                    f.integer(p + "tps", 100, 1, 100_000), f.integer(p + "window", 32, 1, 1000), trustStore));
        }
        SourceAddress source = new SourceAddress(f.text("source.address", "77799"), f.integer("source.ton", 3, 0, 6),
                f.integer("source.npi", 0, 0, 18));
        Duration ms = Duration.ofMillis(1);
        LinkTiming link = new LinkTiming(
                f.duration("link.enquireLink", Duration.ofSeconds(30), Duration.ofMillis(100), Duration.ofMinutes(10)),
                f.duration("link.responseTimeout", Duration.ofSeconds(10), Duration.ofMillis(100), Duration.ofMinutes(5)),
                f.duration("link.bindTimeout", Duration.ofSeconds(10), Duration.ofMillis(100), Duration.ofMinutes(5)),
                f.duration("link.rebindMin", Duration.ofSeconds(1), ms, Duration.ofMinutes(10)),
                f.duration("link.rebindMax", Duration.ofSeconds(60), ms, Duration.ofHours(1)),
                f.duration("link.drainTimeout", Duration.ofSeconds(10), Duration.ZERO, Duration.ofMinutes(10)));
        Inbound inbound = new Inbound(
                f.duration("inbound.dedupeWindow", Duration.ofMinutes(1), Duration.ofSeconds(1), Duration.ofDays(7)),
                f.duration("inbound.echoWindow", Duration.ofSeconds(3), Duration.ZERO, Duration.ofMinutes(10)),
                f.duration("inbound.respDoubtAfter", Duration.ofSeconds(2), Duration.ofMillis(1), Duration.ofMinutes(10)),
                f.duration("inbound.partsTtl", Duration.ofHours(24), Duration.ofMinutes(1), Duration.ofDays(7)));
        Outbound outbound = new Outbound(f.text("outbound.consumer", "gateway-1"),
                f.duration("outbound.claimIdle", Duration.ofSeconds(60), Duration.ofMillis(100), Duration.ofDays(1)),
                f.duration("outbound.throttleMax", Duration.ofSeconds(10), Duration.ofMillis(10), Duration.ofMinutes(10)),
                f.integer("outbound.throttleTries", 50, 1, 100_000),
                f.duration("outbound.receiptWindow", Duration.ofHours(72), Duration.ofMinutes(1), Duration.ofDays(30)));
        java.util.Map<String, String> clients = new java.util.LinkedHashMap<>();
        JsonNode cl = f.at("http.clients");
        if (!cl.isMissingNode() && !cl.isNull()) {
            if (!cl.isArray()) {
                throw f.wrong("http.clients", cl.toString(), "a list of {name, key}");
            }
            for (int i = 0; i < cl.size(); i++) {
                String name = f.text("http.clients." + i + ".name", "");
                String key = f.text("http.clients." + i + ".key", "");
                if (name.isEmpty()) {
                    throw f.wrong("http.clients." + i + ".name", name, "the client's name");
                }
                if (key.length() < 16) {
                    throw new GatewayConfigException(f.source() + ": http.clients." + i + ".key of " + name
                            + ": too short (expected: an API key of at least 16 characters)");
                }
                if (clients.put(key, name) != null) {
                    throw new GatewayConfigException(f.source() + ": http.clients." + i + ".key of " + name
                            + ": used by two clients (expected: one key per client)");
                }
            }
        }
        Http http = new Http(f.text("http.host", "127.0.0.1"), f.integer("http.port", 8090, 0, 65535), clients,
                f.integer("http.workers", 16, 1, 512));
        return new GatewayConfig(binds, source, link, inbound, outbound, http);
    }

    /** A copy with other binds; for dev mode and tests that point the gateway at a simulator. */
    public GatewayConfig withBinds(List<BindConfig> other) {
        return new GatewayConfig(other, source, link, inbound, outbound, http);
    }

    public GatewayConfig withHttp(Http other) {
        return new GatewayConfig(binds, source, link, inbound, outbound, other);
    }

    public GatewayConfig withLink(LinkTiming other) {
        return new GatewayConfig(binds, source, other, inbound, outbound, http);
    }

    public GatewayConfig withOutbound(Outbound other) {
        return new GatewayConfig(binds, source, link, inbound, other, http);
    }
}
