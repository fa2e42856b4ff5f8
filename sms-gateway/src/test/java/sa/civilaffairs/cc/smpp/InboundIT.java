package sa.civilaffairs.cc.smpp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import redis.clients.jedis.Protocol;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.resps.StreamEntry;
import sa.civilaffairs.cc.smpp.inbound.InboundSms;
import sa.civilaffairs.cc.smpp.redis.SmsKeys;
import sa.civilaffairs.cc.smsc.MoPdu;
import sa.civilaffairs.cc.smsc.SmscSimulator;
import sa.civilaffairs.cc.testkit.RedisExtension;
import sa.civilaffairs.cc.testkit.RedisHandle;

/** Citizens' messages over real SMPP (simulator → gateway) into the Redis stream. */
@ExtendWith(RedisExtension.class)
class InboundIT {
    private static final String CITIZEN = "966501234567";
    private static final Duration WAIT = Duration.ofSeconds(10);

    private SmscSimulator sim;
    private SmsGateway gateway;
    private RedisHandle redis;

    @BeforeEach
    void start(RedisHandle redis) {
        this.redis = redis;
        sim = SmscSimulator.builder().start();
        gateway = SmsGateway.start(GatewayFixture.config(sim, "transceiver", 1000, 16), redis.settings());
        assertTrue(sim.awaitReceiverBound(WAIT), "gateway bound");
    }

    @AfterEach
    void stop() {
        if (gateway != null) {
            gateway.close();
        }
        sim.close();
    }

    private List<InboundSms> inbound() {
        List<StreamEntry> entries;
        try (var client = redis.newClient()) { // a fresh pool: the shared one may hold connections from before a restart
            entries = client.xrange(SmsKeys.INBOUND, (StreamEntryID) null, null);
        }
        List<InboundSms> out = new ArrayList<>();
        entries.forEach(e -> out.add(InboundSms.fromFields(e.getFields())));
        return out;
    }

    @Test
    void arabicMessageIsOnTheStreamWhenAcknowledged() {
        assertEquals(0, sim.deliver(MoPdu.text("+" + CITIZEN, "77799", "أريد حجز موعد")));
        // stored before deliver_sm_resp: no waiting needed
        List<InboundSms> in = inbound();
        assertEquals(1, in.size());
        assertEquals("أريد حجز موعد", in.get(0).text());
        assertEquals(CITIZEN, in.get(0).from());
        assertEquals("77799", in.get(0).to());
        assertEquals("ar", in.get(0).language());
    }

    @Test
    void gsmExtensionLatin1AndPayloadDecode() {
        assertEquals(0, sim.deliver(MoPdu.text(CITIZEN, "77799", "Price {5€} [ok] ~^|\\")));
        assertEquals(0, sim.deliver(MoPdu.latin1(CITIZEN, "77799", "Café résumé")));
        assertEquals(0, sim.deliver(MoPdu.payload(CITIZEN, "77799", "موعد".repeat(60))));
        List<InboundSms> in = inbound();
        assertEquals(List.of("Price {5€} [ok] ~^|\\", "Café résumé", "موعد".repeat(60)),
                in.stream().map(InboundSms::text).toList());
        assertEquals("en", in.get(0).language());
    }

    @Test
    void longMessagesReassembleInAnyOrder() {
        String arabic = "السلام عليكم، أرغب في تجديد بطاقة الأحوال المدنية الخاصة بي وحجز موعد في أقرب مكتب. شكراً جزيلاً لكم";
        String latin = "I would like to renew my national identity card and book an appointment at the nearest office "
                + "in Riyadh next week please, any day after noon works for me. Thank you {ref: 42}";
        Random random = new Random(7);
        int ref = 10;
        for (MoPdu.Concat concat : MoPdu.Concat.values()) {
            for (String text : List.of(arabic, latin)) {
                List<MoPdu> parts = new ArrayList<>(MoPdu.concatenated(CITIZEN, "77799", text, ref++, concat));
                assertTrue(parts.size() >= 2);
                Collections.shuffle(parts, random);
                Collections.reverse(parts);
                for (MoPdu p : parts) {
                    assertEquals(0, sim.deliver(p));
                }
            }
        }
        List<String> texts = inbound().stream().map(InboundSms::text).toList();
        assertEquals(List.of(arabic, latin, arabic, latin, arabic, latin), texts);
    }

    @Test
    void anEmojiSplitAcrossTwoPartsComesOutWhole() {
        // 66 letters then an emoji: its surrogate pair is cut between the SMSC's parts (67 code units each)
        String text = "ب".repeat(66) + "😀" + "ب".repeat(10);
        byte[] all = text.getBytes(java.nio.charset.StandardCharsets.UTF_16BE);
        byte[] one = java.util.Arrays.copyOfRange(all, 0, 134);
        byte[] two = java.util.Arrays.copyOfRange(all, 134, all.length);
        assertEquals(0, sim.deliver(part(two, 2)));
        assertEquals(0, sim.deliver(part(one, 1)));
        assertEquals(List.of(text), inbound().stream().map(InboundSms::text).toList());
    }

    private static MoPdu part(byte[] body, int seq) {
        byte[] pdu = new byte[6 + body.length];
        System.arraycopy(new byte[] {5, 0, 3, 9, 2, (byte) seq}, 0, pdu, 0, 6);
        System.arraycopy(body, 0, pdu, 6, body.length);
        return new MoPdu(CITIZEN, "77799", (byte) 8, (byte) 0x40, pdu, List.of());
    }

    @Test
    void retransmittedDeliverSmIsStoredOnce() {
        MoPdu single = MoPdu.text(CITIZEN, "77799", "1");
        List<MoPdu> parts = MoPdu.concatenated(CITIZEN, "77799", "ب".repeat(150), 77, MoPdu.Concat.UDH8);
        assertEquals(0, sim.deliver(single));
        assertEquals(0, sim.deliver(single));
        for (MoPdu p : parts) {
            assertEquals(0, sim.deliver(p));
        }
        assertEquals(0, sim.deliver(parts.get(1)));
        assertEquals(0, sim.deliver(parts.get(0)));
        assertEquals(2, inbound().size());
        assertEquals(3, gateway.metrics().moDuplicates.sum());
    }

    /** Waits until every stored copy is older than the test config's echo window (200 ms), by Redis's clock. */
    private void awaitPastEchoWindow() {
        GatewayFixture.await("stored copies older than the echo window", WAIT, () -> {
            try (var client = redis.newClient()) {
                long now = (Long) client.eval("local t = redis.call('TIME') return t[1] * 1000 + math.floor(t[2] / 1000)");
                return client.keys(SmsKeys.PREFIX + "mo:*copy*").stream()
                        .map(k -> client.hget(k, "t")).allMatch(t -> t != null && now - Long.parseLong(t) > 250);
            }
        });
    }

    @Test
    void aCitizenAnsweringOneTwiceOnTheSameSessionIsStoredTwice() {
        MoPdu one = MoPdu.text(CITIZEN, "77799", "1");
        assertEquals(0, sim.deliver(one));
        awaitPastEchoWindow();
        assertEquals(0, sim.deliver(one));
        assertEquals(List.of("1", "1"), inbound().stream().map(InboundSms::text).toList());
        assertEquals(0, gateway.metrics().moDuplicates.sum());
    }

    @Test
    void aDeliverSmResentAfterTheLinkDroppedAndRebindIsStoredOnce() {
        MoPdu one = MoPdu.text(CITIZEN, "77799", "1");
        List<MoPdu> parts = MoPdu.concatenated(CITIZEN, "77799", "ب".repeat(150), 78, MoPdu.Concat.SAR);
        assertEquals(0, sim.deliver(one));
        for (MoPdu p : parts) {
            assertEquals(0, sim.deliver(p));
        }
        // past the echo window: only the new session tells these copies are the SMSC resending
        awaitPastEchoWindow();
        int binds = sim.binds();
        sim.dropLinks();
        GatewayFixture.await("gateway bound again", WAIT, () -> sim.binds() > binds && sim.boundSessions() > 0);
        assertTrue(sim.awaitReceiverBound(WAIT));
        assertEquals(0, sim.deliver(one));
        for (MoPdu p : parts) {
            assertEquals(0, sim.deliver(p));
        }
        assertEquals(List.of("1", "ب".repeat(150)), inbound().stream().map(InboundSms::text).toList());
        assertEquals(1 + parts.size(), gateway.metrics().moDuplicates.sum());
        // and after the rebind, the citizen repeating himself on the new session is heard again
        awaitPastEchoWindow();
        assertEquals(0, sim.deliver(one));
        assertEquals(3, inbound().size());
    }

    @Test
    void aCopyResentAfterOurRespWasLateIsStoredOnceOnTheSameSession() {
        gateway.close();
        gateway = SmsGateway.start(GatewayFixture.config(sim, "transceiver", 1000, 16, "1s", "150ms"),
                redis.settings());
        assertTrue(sim.awaitReceiverBound(WAIT), "gateway bound");
        MoPdu one = MoPdu.text(CITIZEN, "77799", "1");
        // Redis holds every write for 400 ms: storing takes longer than respDoubtAfter, the SMSC may have timed out
        redis.client().sendCommand(Protocol.Command.CLIENT, "PAUSE", "400", "WRITE");
        assertEquals(0, sim.deliver(one));
        assertEquals(1, gateway.metrics().moLateResponses.sum());
        awaitPastEchoWindow();
        assertEquals(0, sim.deliver(one));
        assertEquals(List.of("1"), inbound().stream().map(InboundSms::text).toList());
        assertEquals(1, gateway.metrics().moDuplicates.sum());
    }

    @Test
    void redisDownAnswersTemporaryErrorThenTheRetryIsStoredOnce() throws Exception {
        redis.server().stop();
        MoPdu msg = MoPdu.text(CITIZEN, "77799", "تجديد");
        int status = sim.deliver(msg);
        assertEquals(org.jsmpp.SMPPConstant.STAT_ESME_RX_T_APPN, status, "temporary error while Redis is down");
        redis.server().startAgain();
        assertTrue(sim.deliverUntilAccepted(msg, WAIT));
        assertEquals(List.of("تجديد"), inbound().stream().map(InboundSms::text).toList());
        assertTrue(gateway.metrics().moTemporaryErrors.sum() >= 1);
        GatewayFixture.discardStaleConnections(redis.client());
    }
}
