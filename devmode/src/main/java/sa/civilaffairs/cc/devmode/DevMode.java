package sa.civilaffairs.cc.devmode;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.nio.file.Path;
import java.util.HashMap;
import java.time.Duration;
import java.util.Map;
import org.slf4j.Logger;
import redis.clients.jedis.UnifiedJedis;
import org.slf4j.LoggerFactory;
import sa.civilaffairs.cc.calendar.RiyadhTime;
import sa.civilaffairs.cc.config.ConfigDirectory;
import sa.civilaffairs.cc.console.CaseFeatures;
import sa.civilaffairs.cc.dialog.sms.DialogSmsService;
import sa.civilaffairs.cc.dialog.sms.DialogSmsSettings;
import sa.civilaffairs.cc.notify.YamlMessageTemplates;
import sa.civilaffairs.cc.office.CatalogueLoader;
import sa.civilaffairs.cc.console.ConsoleServer;
import sa.civilaffairs.cc.console.LiveDevMode;
import sa.civilaffairs.cc.ivr.Ivr;
import sa.civilaffairs.cc.ivr.IvrConfig;
import sa.civilaffairs.cc.redis.LocalRedisServer;
import sa.civilaffairs.cc.registry.CivilRegistry;
import sa.civilaffairs.cc.registry.http.HttpCivilRegistry;
import sa.civilaffairs.cc.registry.http.RegistrySettings;
import sa.civilaffairs.cc.smpp.SmsGateway;
import sa.civilaffairs.cc.smpp.config.GatewayConfig;
import sa.civilaffairs.cc.smsc.SmscConsole;
import sa.civilaffairs.cc.smsc.SmscSimulator;
import sa.civilaffairs.cc.testkit.RegistryDouble;

/**
 * Dev mode: every part of the system on embedded defaults, in one process, with nothing to configure. Prints where
 * each part listens; Ctrl-C (or SIGTERM) stops them in reverse order of start.
 */
public final class DevMode {
    private static final Logger log = LoggerFactory.getLogger(DevMode.class);

    private final Deque<AutoCloseable> started = new ArrayDeque<>();

    public static void main(String[] args) throws InterruptedException {
        DevMode dev = new DevMode();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            dev.stop();
            stopped.countDown();
        }, "devmode-shutdown"));
        try {
            dev.start();
        } catch (RuntimeException e) {
            log.error("dev mode could not start: {}", e.getMessage(), e);
            System.exit(1);
        }
        stopped.await();
    }

    void start() {
        LocalRedisServer redis = remember(LocalRedisServer.startEphemeral());
        print("redis", "127.0.0.1:" + redis.port());

        RegistryDouble registry = remember(RegistryDouble.start());
        registry.stubDemoPeople();
        print("civil registry", registry.baseUrl() + "/v1/persons/{nationalId}  (WireMock, "
                + registry.demoPeople().size() + " demo people: config/registry/README.md)");
        CivilRegistry civilRegistry = new HttpCivilRegistry(RegistrySettings.defaults(registry.baseUrl()));
        Path config = ConfigDirectory.locate();
        UnifiedJedis shared = remember(redis.settings().connect());

        // The console with its case screens, fed by an AMI double that replays the captured queue calls (one every
        // 20 s, ringing agent1..3) and a demo citizen writing to the SMS chat
        ConsoleServer console = CaseFeatures.onRedis(shared, civilRegistry, config, RiyadhTime.systemClock())
                .installInto(new ConsoleServer().chatTemplates(YamlMessageTemplates.load(config)));
        LiveDevMode live = remember(LiveDevMode.start(console, config, redis.settings(), civilRegistry,
                Duration.ofSeconds(20)));
        print("agent console", "http://127.0.0.1:" + live.port() + "/  (pops on /calls as agent1, "
                + "dashboard as supervisor1, SMS chat on /chat)");
        print("ami double", "127.0.0.1:" + live.amiPort() + "  (replays the Asterisk 22 captures: a queue call every 20 s)");

        Ivr ivr = remember(Ivr.start(IvrConfig.load(config.resolve(IvrConfig.FILE), devEnvironment()),
                Ivr.services(config, shared, civilRegistry, RiyadhTime.systemClock()),
                prompt -> { }));
        print("ivr (FastAGI)", "agi://127.0.0.1:" + ivr.server().port() + "/hotline  (call it: scripts/phone 127.0.0.1 "
                + ivr.server().port() + ")");
        startSms(redis);
        startDialogs(shared, civilRegistry, config);
        System.out.println("dev mode is up; Ctrl-C stops it");
    }

    /** The SMS dialogs of 77799: what a citizen sends through the SMSC console is answered. */
    private void startDialogs(UnifiedJedis client, CivilRegistry civilRegistry, Path config) {
        remember(DialogSmsService.start(client, civilRegistry, CatalogueLoader.load(config),
                YamlMessageTemplates.load(config), RiyadhTime.systemClock(), DialogSmsSettings.defaults("devmode"),
                java.time.Duration.ofMinutes(1)));
        print("sms dialogs", "answering {sms}:inbound (docs/readme-dialogs.md: send موعد, حالة, تقدير, HELP ...)");
    }

    /** The SMSC simulator on the port config/sms-gateway.yaml names, and the gateway bound to it. */
    private void startSms(LocalRedisServer redis) {
        GatewayConfig config = GatewayConfig.load(ConfigDirectory.locate());
        GatewayConfig.BindConfig bind = config.binds().get(0);
        SmscSimulator smsc = remember(SmscSimulator.builder().port(bind.port())
                .credentials(bind.systemId(), bind.password()).start());
        SmscConsole console = remember(SmscConsole.start(smsc, 0));
        GatewayConfig local = config.withBinds(List.of(new GatewayConfig.BindConfig(bind.name(), bind.mode(),
                "127.0.0.1", smsc.port(), false, bind.systemId(), bind.password(), bind.systemType(),
                bind.addressRange(), bind.tps(), bind.window())));
        SmsGateway gateway = remember(SmsGateway.start(local, redis.settings()));
        print("smsc simulator", "smpp://127.0.0.1:" + smsc.port() + "  (send as a citizen: curl -d from=0501234567 "
                + "--data-urlencode text=موعد http://127.0.0.1:" + console.port() + "/mo ; sent: GET /mt)");
        print("sms gateway", "http://127.0.0.1:" + gateway.httpPort() + "/api/v1/messages  (metrics: /metrics, "
                + "health: /health; API keys in config/sms-gateway.yaml)");
    }

    void stop() {
        while (!started.isEmpty()) {
            AutoCloseable part = started.pop();
            try {
                part.close();
            } catch (Exception e) {
                log.warn("stopping {}: {}", part.getClass().getSimpleName(), e.toString());
            }
        }
        System.out.println("dev mode stopped");
    }

    /** The process environment with dev-mode defaults beneath it: demo accounts on, the console on port 8080. */
    private static Map<String, String> devEnvironment() {
        Map<String, String> env = new HashMap<>(Map.of("CONSOLE_DEV_MODE", "true"));
        env.putAll(System.getenv());
        return env;
    }

    private <T extends AutoCloseable> T remember(T part) {
        started.push(part);
        return part;
    }

    private static void print(String what, String where) {
        System.out.printf("%-16s %s%n", what, where);
    }
}
