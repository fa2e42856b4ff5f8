package sa.civilaffairs.cc.dialog.sms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import sa.civilaffairs.cc.dialog.DialogRig;
import sa.civilaffairs.cc.smpp.SmsGateway;
import sa.civilaffairs.cc.smpp.config.GatewayConfig;
import sa.civilaffairs.cc.smsc.MoPdu;
import sa.civilaffairs.cc.smsc.SmscSimulator;
import sa.civilaffairs.cc.smsc.Submitted;
import sa.civilaffairs.cc.testkit.RedisExtension;
import sa.civilaffairs.cc.testkit.RedisHandle;

/**
 * The real path: the SMSC simulator sends {@code deliver_sm} as a citizen, the gateway stores it, the dialog consumer
 * answers, the gateway submits the reply, and the test reads the {@code submit_sm} back (issue 4, "Tests").
 */
@ExtendWith(RedisExtension.class)
class SmsDialogEndToEndIT {
    static final String MAN = "966500000110";
    static final String MAN_ID = "1000000099";
    static final String STRANGER = "966500000199";
    static final Duration WAIT = Duration.ofSeconds(10);

    private SmscSimulator sim;
    private SmsGateway gateway;
    private DialogRig rig;
    private DialogSmsConsumer consumer;
    private int seen;
    private long lastSent;

    @BeforeEach
    void start(RedisHandle redis) {
        sim = SmscSimulator.builder().start();
        gateway = SmsGateway.start(config(sim), redis.settings(), DialogRig.TEMPLATES);
        assertTrue(sim.awaitReceiverBound(WAIT), "gateway bound");
        rig = new DialogRig(redis.client());
        consumer = new DialogSmsConsumer(redis.client(), rig.engine(), DialogSmsSettings.defaults("e2e"), rig.clock);
        consumer.start();
    }

    @AfterEach
    void stop() {
        consumer.close();
        gateway.close();
        sim.close();
        rig.close();
    }

    static GatewayConfig config(SmscSimulator sim) {
        return GatewayConfig.parse("""
                binds:
                  - name: sim
                    mode: transceiver
                    host: 127.0.0.1
                    port: %d
                    systemId: %s
                    password: %s
                    addressRange: "77799"
                    tps: 1000
                    window: 16
                link:
                  enquireLink: 2s
                  responseTimeout: 1s
                  bindTimeout: 2s
                  rebindMin: 50ms
                  rebindMax: 500ms
                  drainTimeout: 5s
                inbound:
                  dedupeWindow: 60s
                  echoWindow: 100ms
                outbound:
                  consumer: e2e-gateway
                  claimIdle: 2s
                  throttleMax: 200ms
                http:
                  port: 0
                  clients:
                    - name: tests
                      key: test-key-0123456789
                """.formatted(sim.port(), sim.systemId(), sim.password()), Map.of());
    }

    /** The citizen sends {@code text}; returns the reply they receive, its parts joined. */
    private String converse(String from, String text) {
        // the citizen reads the reply before answering: past the echo window (100 ms here, seconds in production)
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() - lastSent < 150_000_000L && System.nanoTime() < deadline) {
            java.util.concurrent.locks.LockSupport.parkNanos(5_000_000);
        }
        assertEquals(0, sim.deliver(MoPdu.text(from, "77799", text)), "deliver_sm accepted");
        lastSent = System.nanoTime();
        assertTrue(sim.awaitSubmitted(seen + 1, WAIT), "a reply was submitted");
        Submitted first = sim.submitted().get(seen);
        assertTrue(sim.awaitSubmitted(seen + first.total(), WAIT), "every part was submitted");
        List<Submitted> parts = new ArrayList<>(sim.submitted().subList(seen, seen + first.total()));
        seen += first.total();
        assertTrue(parts.size() <= 2, "at most two parts: " + parts.size());
        parts.sort(Comparator.comparingInt(Submitted::seq));
        StringBuilder joined = new StringBuilder();
        parts.forEach(p -> joined.append(p.text()));
        assertEquals(from, parts.get(0).to().replace("+", ""));
        return joined.toString();
    }

    @Test
    void aBookingInArabicEndToEnd() {
        assertTrue(converse(MAN, "موعد").startsWith("أرسل رقم الهوية"));
        assertTrue(converse(MAN, "١٠٠٠٠٠٠٠٩٩").startsWith("اختر الخدمة"));
        // the same answer "1" three times in a row, seconds apart on one healthy session: three messages, none taken
        // for an SMSC retransmission
        assertTrue(converse(MAN, "2").startsWith("اختر المنطقة"));
        assertTrue(converse(MAN, "1").startsWith("اختر المكتب"));
        assertTrue(converse(MAN, "1").startsWith("اختر اليوم"));
        assertTrue(converse(MAN, "1").startsWith("اختر الوقت"));
        assertTrue(converse(MAN, "1").contains("1 تأكيد"));
        String confirmed = converse(MAN, "نعم");
        assertTrue(confirmed.startsWith("تم حجز موعدك"), confirmed);
    }

    @Test
    void englishHelpAndARefusalEndToEnd() {
        assertTrue(converse(MAN, "HELP").startsWith("Send: BOOK"));
        String refused = converse(STRANGER, "BOOK " + MAN_ID);
        assertTrue(refused.contains("920022133"), refused);
    }
}
