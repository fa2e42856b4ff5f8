package sa.civilaffairs.cc.smpp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.params.XReadGroupParams;
import sa.civilaffairs.cc.identity.Mobile;
import sa.civilaffairs.cc.outbox.Lane;
import sa.civilaffairs.cc.outbox.OutboundSms;
import sa.civilaffairs.cc.outbox.redis.OutboxStreams;
import sa.civilaffairs.cc.outbox.redis.RedisOutbox;
import sa.civilaffairs.cc.outbox.redis.RedisStopList;
import sa.civilaffairs.cc.smpp.codec.Alphabet;
import sa.civilaffairs.cc.smpp.config.GatewayConfig;
import sa.civilaffairs.cc.smpp.outbound.MessageStatus;
import sa.civilaffairs.cc.smpp.outbound.MtState;
import sa.civilaffairs.cc.smpp.redis.SmsKeys;
import sa.civilaffairs.cc.smsc.SmscSimulator;
import sa.civilaffairs.cc.smsc.Submitted;
import sa.civilaffairs.cc.testkit.RedisExtension;
import sa.civilaffairs.cc.testkit.RedisHandle;
import sa.civilaffairs.cc.text.Language;

/** Outbox → submit_sm → receipts, over real SMPP against the simulator, with a real Redis. */
@ExtendWith(RedisExtension.class)
class OutboundIT {
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final String ARABIC = "تم حجز موعدكم في مكتب الأحوال المدنية بالرياض يوم الأحد الساعة العاشرة صباحاً. "
            + "يرجى إحضار الهوية الوطنية والحضور قبل الموعد بعشر دقائق. رقم المرجع 123456789";

    private SmscSimulator sim;
    private SmsGateway gateway;
    private RedisHandle redis;
    private RedisOutbox outbox;

    @BeforeEach
    void start(RedisHandle redis) {
        this.redis = redis;
        this.outbox = new RedisOutbox(redis.client());
        sim = SmscSimulator.builder().start();
    }

    @AfterEach
    void stop() {
        if (gateway != null) {
            gateway.close();
        }
        sim.close();
    }

    private void startGateway(GatewayConfig config) {
        gateway = SmsGateway.start(config, redis.settings());
        GatewayFixture.await("bound", WAIT, gateway::allBound);
    }

    private void startGateway(int tps, int window) {
        startGateway(GatewayFixture.config(sim, "transceiver", tps, window));
    }

    private String send(Lane lane, String msisdn, String text) {
        return outbox.enqueue(new OutboundSms(UUID.randomUUID().toString(), new Mobile(msisdn), lane, Language.AR, "",
                text, "", Instant.now()));
    }

    private MessageStatus awaitState(String id, MtState state) {
        return GatewayFixture.awaitValue(id + " " + state, WAIT,
                () -> gateway.messages().status(id).filter(s -> s.state() == state));
    }

    private MtState state(String id) {
        return gateway.messages().status(id).map(MessageStatus::state).orElse(null);
    }

    private static String mobile(int i) {
        return String.format("9665%08d", i);
    }

    @Test
    void longArabicReplyGoesAsUcs2PartsAndIsDeliveredWhenEveryPartIs() {
        startGateway(1000, 8);
        String id = send(Lane.REPLY, mobile(1), ARABIC);
        MessageStatus s = awaitState(id, MtState.DELIVERED);
        assertEquals(3, s.segments());
        assertTrue(s.parts().stream().allMatch(p -> p.state().equals("DELIVERED")));
        List<Submitted> parts = sim.submitted().stream().sorted(Comparator.comparingInt(Submitted::seq)).toList();
        assertEquals(3, parts.size());
        assertTrue(parts.stream().allMatch(p -> p.dataCoding() == Alphabet.UCS2.dataCoding() && p.total() == 3
                && p.ref() == parts.get(0).ref() && p.text().length() <= 67));
        assertEquals(ARABIC, parts.stream().map(Submitted::text).collect(Collectors.joining()));
        assertEquals("77799", parts.get(0).from());
        assertEquals(mobile(1), parts.get(0).to());
        // SUBMITTED is skipped when every part's receipt came before the last submit_sm_resp was stored
        List<String> history = s.history().stream().map(MessageStatus.Change::state).toList();
        assertEquals("DELIVERED", history.get(history.size() - 1), history.toString());
    }

    @Test
    void gsmTextUsesSeptetsAndExtensionCharactersNeverSplit() {
        startGateway(1000, 8);
        String text = "Your appointment {ref 42} is confirmed. ".repeat(9) + "€";
        String id = send(Lane.NOTIFICATION, mobile(2), text);
        awaitState(id, MtState.DELIVERED);
        List<Submitted> parts = sim.submitted().stream().sorted(Comparator.comparingInt(Submitted::seq)).toList();
        assertEquals(3, parts.size());
        assertTrue(parts.stream().allMatch(p -> p.dataCoding() == 0));
        assertEquals(text, parts.stream().map(Submitted::text).collect(Collectors.joining()));
    }

    @Test
    void receiptBeforeTheResponseIsApplied() {
        sim.receiptBeforeResponse(true);
        startGateway(1000, 8);
        String id = send(Lane.REPLY, mobile(3), ARABIC);
        awaitState(id, MtState.DELIVERED);
    }

    @Test
    void receiptTextAloneMatchesAcrossIdForms() {
        sim.close();
        sim = SmscSimulator.builder().ids(SmscSimulator.IdForm.DECIMAL, SmscSimulator.IdForm.HEX_PADDED)
                .receiptTlv(false).start();
        startGateway(1000, 8);
        String id = send(Lane.REPLY, mobile(4), "Hello");
        awaitState(id, MtState.DELIVERED);
    }

    @Test
    void throttlingIsRetriedForTheSameMessage() {
        startGateway(1000, 1);
        sim.answerNext(SmscSimulator.Answer.THROTTLED, 3);
        sim.answerNext(SmscSimulator.Answer.MSGQFUL, 2);
        String id = send(Lane.REPLY, mobile(5), "Hello");
        awaitState(id, MtState.DELIVERED);
        assertEquals(1, sim.submitCount(), "accepted once");
        assertEquals(5, gateway.metrics().mtThrottled.sum());
    }

    @Test
    void permanentRefusalFailsWithTheStatus() {
        startGateway(1000, 1);
        sim.answerNext(SmscSimulator.Answer.REJECT, 1);
        String id = send(Lane.REPLY, mobile(6), ARABIC);
        MessageStatus s = awaitState(id, MtState.FAILED);
        assertTrue(s.error().contains("ESME_RINVDSTADR"), s.error());
        assertEquals(0, sim.submitCount(), "the other parts are not sent after part 1 was refused");
    }

    @Test
    void undeliveredReceiptFailsTheMessage() {
        sim.receiptStat("UNDELIV");
        startGateway(1000, 4);
        String id = send(Lane.REPLY, mobile(7), "Hello");
        MessageStatus s = awaitState(id, MtState.FAILED);
        assertTrue(s.error().contains("UNDELIV"), s.error());
    }

    @Test
    void noResponseIsUnknownNeverResentAndTheReceiptSettlesIt() {
        sim.noResponseHold(Duration.ofMillis(2500));
        startGateway(1000, 4);
        sim.answerNext(SmscSimulator.Answer.NO_RESPONSE, 1);
        String id = send(Lane.REPLY, mobile(8), "Hello");
        MessageStatus s = awaitState(id, MtState.DELIVERED);
        // UNKNOWN after the 1 s response timeout, then settled by the receipt (or, on a slow machine, by a receipt
        // that was already waiting when the timeout was recorded)
        List<String> history = s.history().stream().map(MessageStatus.Change::state).toList();
        assertTrue(history.contains("UNKNOWN") || history.contains("RECONCILED"), history.toString());
        assertEquals(1, sim.submitCount());
        assertEquals(1, gateway.metrics().mtNoResponse.sum());
    }

    @Test
    void windowIsNeverExceeded() {
        sim.responseDelay(Duration.ofMillis(15));
        startGateway(10_000, 4);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            ids.add(send(Lane.NOTIFICATION, mobile(100 + i), "Window " + i));
        }
        ids.forEach(id -> awaitState(id, MtState.DELIVERED));
        assertTrue(sim.maxInFlight() <= 4, "at most 4 outstanding, saw " + sim.maxInFlight());
        assertTrue(sim.maxInFlight() >= 2, "the window is used, saw " + sim.maxInFlight());
    }

    @Test
    void tpsIsCountedInSegments() {
        startGateway(50, 16);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            ids.add(send(Lane.BULK, mobile(200 + i), ARABIC)); // 3 segments each: 60 segments
        }
        ids.forEach(id -> awaitState(id, MtState.DELIVERED));
        List<Long> at = sim.submitted().stream().map(Submitted::atNanos).sorted().toList();
        assertEquals(60, at.size());
        double seconds = (at.get(59) - at.get(0)) / 1e9;
        // 60 segments at 50/s with a burst of 5: about 1.1 s; counted per message it would take 0.4 s
        assertTrue(seconds >= 0.9, "60 segments took " + seconds + " s");
        int most = 0;
        for (int i = 0; i < at.size(); i++) {
            int j = i;
            while (j < at.size() && at.get(j) - at.get(i) < 1_000_000_000L) {
                j++;
            }
            most = Math.max(most, j - i);
        }
        assertTrue(most <= 50 + 5 + 3, "segments in one second: " + most);
    }

    @Test
    void stopListHoldsBulkButNotReplies() {
        new RedisStopList(redis.client()).add(new Mobile(mobile(9)));
        startGateway(1000, 4);
        String bulk = send(Lane.BULK, mobile(9), "Reminder");
        String reply = send(Lane.REPLY, mobile(9), "Answer");
        awaitState(bulk, MtState.SUPPRESSED);
        awaitState(reply, MtState.DELIVERED);
        assertEquals(List.of("Answer"), sim.submitted().stream().map(Submitted::text).toList());
    }

    @Test
    void repliesGoBeforeBulk() {
        for (int i = 0; i < 30; i++) {
            send(Lane.BULK, mobile(300 + i), "Bulk " + i);
        }
        String reply = send(Lane.REPLY, mobile(399), "Reply");
        startGateway(1000, 1);
        awaitState(reply, MtState.DELIVERED);
        GatewayFixture.await("all sent", WAIT, () -> sim.submitCount() == 31);
        assertEquals("Reply", sim.submitted().get(0).text());
    }

    @Test
    void droppedLinkMidTrafficLosesNothingAndDuplicatesNothing() {
        sim.responseDelay(Duration.ofMillis(2));
        startGateway(10_000, 8);
        Map<String, String> textById = new java.util.LinkedHashMap<>();
        for (int i = 0; i < 200; i++) {
            String text = "Drop test " + i;
            textById.put(send(Lane.NOTIFICATION, mobile(1000 + i), text), text);
        }
        assertTrue(sim.awaitSubmitted(60, WAIT));
        sim.dropLinks();
        GatewayFixture.await("every message settled", Duration.ofSeconds(30), () -> textById.keySet().stream()
                .allMatch(id -> state(id) == MtState.DELIVERED || state(id) == MtState.UNKNOWN));
        GatewayFixture.await("receipts applied", Duration.ofSeconds(10), () -> sim.pendingReceipts() == 0
                && textById.keySet().stream().filter(id -> state(id) == MtState.UNKNOWN).count() == 200
                - sim.submitted().size());
        Map<String, Long> counts = sim.submitted().stream()
                .collect(Collectors.groupingBy(Submitted::text, Collectors.counting()));
        assertTrue(counts.values().stream().allMatch(c -> c == 1), "no message twice: " + counts);
        for (Map.Entry<String, String> e : textById.entrySet()) {
            if (counts.containsKey(e.getValue())) {
                assertEquals(MtState.DELIVERED, state(e.getKey()), "received by the SMSC: " + e.getValue());
            } else {
                assertEquals(MtState.UNKNOWN, state(e.getKey()), "lost on the wire: " + e.getValue());
            }
        }
        assertTrue(counts.size() >= 190, "at most the window was in flight: " + counts.size());
        assertTrue(sim.binds() >= 2, "rebound");
    }

    @Test
    void messagesQueuedWhileTheGatewayIsDownAreSentAfterItStarts() {
        startGateway(1000, 4);
        gateway.close();
        gateway = null;
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            ids.add(send(Lane.NOTIFICATION, mobile(500 + i), "Pending " + i));
        }
        startGateway(1000, 4);
        ids.forEach(id -> awaitState(id, MtState.DELIVERED));
        assertEquals(20, sim.submitCount());
    }

    @Test
    void closeDrainsWhatIsInFlightAndARestartSendsTheRestOnce() {
        sim.responseDelay(Duration.ofMillis(20));
        startGateway(1000, 2);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            ids.add(send(Lane.BULK, mobile(700 + i), "Drain " + i));
        }
        assertTrue(sim.awaitSubmitted(5, WAIT));
        gateway.close();
        gateway = null;
        long sentBeforeRestart = sim.submitCount();
        assertTrue(sentBeforeRestart < 200, "closed mid-traffic: " + sentBeforeRestart);
        // nothing was left half-sent: each message is finished or still waiting to be sent
        for (String id : ids) {
            MtState s = new sa.civilaffairs.cc.smpp.redis.RedisMessages(redis.client(), Duration.ofDays(1)).status(id)
                    .map(MessageStatus::state).orElse(MtState.QUEUED);
            assertTrue(s == MtState.SUBMITTED || s == MtState.DELIVERED || s == MtState.TAKEN || s == MtState.QUEUED,
                    id + " " + s);
        }
        startGateway(1000, 8);
        ids.forEach(id -> awaitState(id, MtState.DELIVERED));
        assertEquals(200, sim.submitCount());
        assertEquals(200, sim.submitted().stream().map(Submitted::text).distinct().count());
    }

    @Test
    void entriesACrashedGatewayTookAreClaimed() {
        String fresh = send(Lane.NOTIFICATION, mobile(600), "Taken, never started");
        String midSend = send(Lane.NOTIFICATION, mobile(601), "Taken, being sent");
        // a gateway named "crashed" read both; it had begun sending the second when it died
        redis.client().xgroupCreate(SmsKeys.outbox(Lane.NOTIFICATION), OutboxStreams.CONSUMER_GROUP,
                new StreamEntryID(0, 0), true);
        redis.client().xreadGroup(OutboxStreams.CONSUMER_GROUP, "crashed", XReadGroupParams.xReadGroupParams().count(10),
                Map.of(SmsKeys.outbox(Lane.NOTIFICATION), StreamEntryID.XREADGROUP_UNDELIVERED_ENTRY));
        redis.client().hset(SmsKeys.mt(midSend), Map.of("state", "SENDING", "to", mobile(601), "parts", "1"));
        startGateway(1000, 4);
        awaitState(fresh, MtState.DELIVERED);
        awaitState(midSend, MtState.UNKNOWN);
        assertEquals(List.of("Taken, never started"), sim.submitted().stream().map(Submitted::text).toList());
        assertEquals(0, redis.client().xpending(SmsKeys.outbox(Lane.NOTIFICATION), OutboxStreams.CONSUMER_GROUP)
                .getTotal());
    }

    @Test
    void wrongPasswordNeverBindsAndSaysWhy() {
        GatewayConfig good = GatewayFixture.config(sim, "transceiver", 100, 4);
        GatewayConfig.BindConfig b = good.binds().get(0);
        gateway = SmsGateway.start(good.withBinds(List.of(new GatewayConfig.BindConfig(b.name(), b.mode(), b.host(),
                b.port(), false, b.systemId(), "wrong", "", "", 100, 4))), redis.settings());
        GatewayFixture.await("bind refused", WAIT, () -> !gateway.linkErrors().isEmpty());
        assertFalse(gateway.allBound());
        assertEquals(0, sim.binds());
        // back-off from 50 ms doubling to 500 ms with jitter: a handful of attempts in 3 s, not a storm
        int first = sim.bindAttempts();
        GatewayFixture.await("retried", WAIT, () -> sim.bindAttempts() >= first + 3);
        long t0 = System.nanoTime();
        int before = sim.bindAttempts();
        GatewayFixture.await("two more attempts", WAIT, () -> sim.bindAttempts() >= before + 2);
        assertTrue(System.nanoTime() - t0 >= 200_000_000L, "attempts are spaced by the back-off");
        assertTrue(gateway.linkErrors().values().iterator().next().contains("bind failed"),
                gateway.linkErrors().toString());
    }

    @Test
    void twoSmscsShareTheOutboxAndEachReceiptComesBackToItsMessage() {
        try (SmscSimulator second = SmscSimulator.builder().ids(SmscSimulator.IdForm.DECIMAL,
                SmscSimulator.IdForm.DECIMAL).start()) {
            sim.responseDelay(Duration.ofMillis(3));
            second.responseDelay(Duration.ofMillis(3));
            GatewayConfig one = GatewayFixture.config(sim, "transceiver", 1000, 4);
            GatewayConfig.BindConfig a = one.binds().get(0);
            startGateway(one.withBinds(List.of(a, new GatewayConfig.BindConfig("second", a.mode(), "127.0.0.1",
                    second.port(), false, second.systemId(), second.password(), "", "", 1000, 4))));
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                ids.add(send(Lane.NOTIFICATION, mobile(800 + i), "Two SMSCs " + i));
            }
            ids.forEach(id -> awaitState(id, MtState.DELIVERED));
            assertEquals(100, sim.submitCount() + second.submitCount());
            assertTrue(sim.submitCount() > 10 && second.submitCount() > 10,
                    sim.submitCount() + " / " + second.submitCount());
        }
    }

    @Test
    void aLinkThatGoesSilentIsDetectedByEnquireLinkAndReplaced() throws Exception {
        try (FreezingProxy proxy = new FreezingProxy(sim.port())) {
            GatewayConfig direct = GatewayFixture.config(sim, "transceiver", 1000, 4);
            GatewayConfig.BindConfig b = direct.binds().get(0);
            startGateway(direct.withBinds(List.of(new GatewayConfig.BindConfig(b.name(), b.mode(), "127.0.0.1",
                    proxy.port(), false, b.systemId(), b.password(), "", "", 1000, 4))));
            proxy.freeze();
            // enquire_link after 2 s idle, no answer within the 1 s response timeout: the session is replaced
            GatewayFixture.await("a new connection", Duration.ofSeconds(20), () -> proxy.accepted() >= 2);
            GatewayFixture.await("bound again", WAIT, gateway::allBound);
            String id = send(Lane.REPLY, mobile(12), "After the silence");
            awaitState(id, MtState.DELIVERED);
        }
    }

    @Test
    void anUnbindFromTheSmscIsFollowedByARebind() {
        startGateway(1000, 4);
        sim.unbindAll();
        GatewayFixture.await("rebound", WAIT, () -> sim.binds() >= 2 && gateway.allBound());
        String id = send(Lane.REPLY, mobile(11), "After the unbind");
        awaitState(id, MtState.DELIVERED);
    }

    @Test
    void transmitterReceiverPairSendsAndReceives() {
        startGateway(GatewayFixture.config(sim, "pair", 1000, 4));
        assertEquals(2, gateway.links().size());
        String id = send(Lane.REPLY, mobile(10), "Pair");
        awaitState(id, MtState.DELIVERED);
        assertEquals(0, sim.deliver(sa.civilaffairs.cc.smsc.MoPdu.text(mobile(10), "77799", "hi")));
        assertEquals(1, redis.client().xlen(SmsKeys.INBOUND));
    }

}
