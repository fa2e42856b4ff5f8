package sa.civilaffairs.cc.smpp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.cloudhopper.smpp.SmppConstants;
import com.cloudhopper.smpp.SmppServerConfiguration;
import com.cloudhopper.smpp.SmppServerHandler;
import com.cloudhopper.smpp.SmppServerSession;
import com.cloudhopper.smpp.SmppSessionConfiguration;
import com.cloudhopper.smpp.impl.DefaultSmppServer;
import com.cloudhopper.smpp.impl.DefaultSmppSessionHandler;
import com.cloudhopper.smpp.pdu.BaseBind;
import com.cloudhopper.smpp.pdu.BaseBindResp;
import com.cloudhopper.smpp.pdu.DeliverSm;
import com.cloudhopper.smpp.pdu.PduRequest;
import com.cloudhopper.smpp.pdu.PduResponse;
import com.cloudhopper.smpp.pdu.SubmitSm;
import com.cloudhopper.smpp.pdu.SubmitSmResp;
import com.cloudhopper.smpp.tlv.Tlv;
import com.cloudhopper.smpp.type.Address;
import com.cloudhopper.smpp.type.SmppProcessingException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import redis.clients.jedis.StreamEntryID;
import sa.civilaffairs.cc.identity.Mobile;
import sa.civilaffairs.cc.outbox.Lane;
import sa.civilaffairs.cc.outbox.OutboundSms;
import sa.civilaffairs.cc.outbox.redis.RedisOutbox;
import sa.civilaffairs.cc.smpp.config.GatewayConfig;
import sa.civilaffairs.cc.smpp.inbound.InboundSms;
import sa.civilaffairs.cc.smpp.outbound.MtState;
import sa.civilaffairs.cc.smpp.redis.SmsKeys;
import sa.civilaffairs.cc.testkit.RedisExtension;
import sa.civilaffairs.cc.testkit.RedisHandle;
import sa.civilaffairs.cc.text.Language;

/**
 * The gateway (jSMPP client) against cloudhopper-smpp's server: a second, independent SMPP implementation, so the
 * wire format is not checked by the same code on both sides. Ids in lower-case hex in the responses, upper-case padded
 * in the receipt text only (no TLV).
 */
@ExtendWith(RedisExtension.class)
class CloudhopperPeerIT {
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final String ARABIC = "تم حجز موعدكم في مكتب الأحوال المدنية بالرياض يوم الأحد الساعة العاشرة صباحاً. "
            + "يرجى إحضار الهوية الوطنية";

    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final List<SmppServerSession> sessions = new CopyOnWriteArrayList<>();
    private final ConcurrentLinkedQueue<SubmitSm> submitted = new ConcurrentLinkedQueue<>();
    private final AtomicLong ids = new AtomicLong(0xABC000);
    private DefaultSmppServer server;
    private int port;
    private SmsGateway gateway;

    @BeforeEach
    void start() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        SmppServerConfiguration cfg = new SmppServerConfiguration();
        cfg.setHost("127.0.0.1");
        cfg.setPort(port);
        cfg.setSystemId("cloudhopper");
        cfg.setJmxEnabled(false);
        cfg.setNonBlockingSocketsEnabled(true);
        cfg.setDefaultWindowSize(32);
        server = new DefaultSmppServer(cfg, new Handler(), executor);
        server.start();
    }

    @AfterEach
    void stop() {
        if (gateway != null) {
            gateway.close();
        }
        server.destroy();
        executor.shutdownNow();
    }

    @SuppressWarnings("rawtypes") // cloudhopper's handler interface is declared with raw PDU types
    private final class Handler implements SmppServerHandler {
        @Override
        public void sessionBindRequested(Long id, SmppSessionConfiguration config, BaseBind request)
                throws SmppProcessingException {
            if (!"secret".equals(config.getPassword())) {
                throw new SmppProcessingException(SmppConstants.STATUS_INVPASWD);
            }
        }

        @Override
        public void sessionCreated(Long id, SmppServerSession session, BaseBindResp response) {
            session.serverReady(new DefaultSmppSessionHandler() {
                @Override
                public PduResponse firePduRequestReceived(PduRequest request) {
                    PduResponse resp = request.createResponse();
                    if (request instanceof SubmitSm sm) {
                        submitted.add(sm);
                        String hex = Long.toHexString(ids.incrementAndGet());
                        ((SubmitSmResp) resp).setMessageId(hex);
                        executor.execute(() -> receipt(session, sm, hex));
                    }
                    return resp;
                }
            });
            sessions.add(session);
        }

        @Override
        public void sessionDestroyed(Long id, SmppServerSession session) {
            sessions.remove(session);
        }
    }

    private void receipt(SmppServerSession session, SubmitSm sm, String hexId) {
        try {
            DeliverSm d = new DeliverSm();
            d.setEsmClass(SmppConstants.ESM_CLASS_MT_SMSC_DELIVERY_RECEIPT);
            d.setSourceAddress(new Address((byte) 1, (byte) 1, sm.getDestAddress().getAddress()));
            d.setDestAddress(new Address((byte) 3, (byte) 0, "77799"));
            String text = String.format(Locale.ROOT, "id:%010X sub:001 dlvrd:001 submit date:2612041200 "
                    + "done date:2612041201 stat:DELIVRD err:000 text:", Long.parseLong(hexId, 16));
            d.setShortMessage(text.getBytes(StandardCharsets.ISO_8859_1));
            var f = session.sendRequestPdu(d, 5000, true);
            f.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private GatewayConfig config(String password) {
        String yaml = """
                binds:
                  - name: ch
                    host: 127.0.0.1
                    port: %d
                    systemId: civaff
                    password: %s
                    tps: 500
                    window: 8
                link:
                  responseTimeout: 2s
                  rebindMin: 100ms
                  rebindMax: 1s
                outbound:
                  consumer: ch-test
                http:
                  port: 0
                """.formatted(port, password);
        return GatewayConfig.parse(yaml, Map.of());
    }

    @Test
    void arabicOutAndInOverAnotherImplementation(RedisHandle redis) throws Exception {
        gateway = SmsGateway.start(config("secret"), redis.settings());
        GatewayFixture.await("bound", WAIT, gateway::allBound);

        String id = new RedisOutbox(redis.client()).enqueue(new OutboundSms(UUID.randomUUID().toString(),
                new Mobile("966501234567"), Lane.REPLY, Language.AR, "", ARABIC, "", Instant.now()));
        GatewayFixture.awaitValue("delivered", WAIT,
                () -> gateway.messages().status(id).filter(s -> s.state() == MtState.DELIVERED));
        List<SubmitSm> parts = List.copyOf(submitted);
        assertEquals(2, parts.size());
        assertTrue(parts.stream().allMatch(p -> p.getDataCoding() == SmppConstants.DATA_CODING_UCS2));
        assertEquals(ARABIC, parts.stream().sorted((a, b) -> Byte.compare(a.getShortMessage()[5],
                b.getShortMessage()[5])).map(p -> new String(p.getShortMessage(), 6, p.getShortMessageLength() - 6,
                StandardCharsets.UTF_16BE)).collect(Collectors.joining()));

        DeliverSm mo = new DeliverSm();
        mo.setSourceAddress(new Address((byte) 1, (byte) 1, "966501234567"));
        mo.setDestAddress(new Address((byte) 3, (byte) 0, "77799"));
        mo.setDataCoding(SmppConstants.DATA_CODING_UCS2);
        mo.setShortMessage("أريد موعد".getBytes(StandardCharsets.UTF_16BE));
        mo.addOptionalParameter(new Tlv(SmppConstants.TAG_USER_MESSAGE_REFERENCE, new byte[] {0, 1}));
        var future = sessions.get(0).sendRequestPdu(mo, 5000, true);
        assertTrue(future.await(), "deliver_sm_resp received");
        PduResponse resp = future.getResponse();
        assertEquals(0, resp.getCommandStatus());
        List<InboundSms> in = redis.client().xrange(SmsKeys.INBOUND, (StreamEntryID) null, null).stream()
                .map(e -> InboundSms.fromFields(e.getFields())).toList();
        assertEquals(1, in.size());
        assertEquals("أريد موعد", in.get(0).text());
        assertEquals("ar", in.get(0).language());
    }

    @Test
    void refusedPasswordLeavesTheLinkDownWithTheReason(RedisHandle redis) {
        gateway = SmsGateway.start(config("nope"), redis.settings());
        GatewayFixture.await("bind refused", WAIT, () -> !gateway.linkErrors().isEmpty());
        assertFalse(gateway.allBound());
        assertTrue(sessions.isEmpty());
    }
}
