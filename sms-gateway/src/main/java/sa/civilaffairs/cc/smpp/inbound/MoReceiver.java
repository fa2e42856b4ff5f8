package sa.civilaffairs.cc.smpp.inbound;

import java.time.Duration;
import java.time.Instant;
import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.AlertNotification;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.MessageReceiverListener;
import org.jsmpp.session.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.exceptions.JedisException;
import sa.civilaffairs.cc.smpp.GatewayMetrics;
import sa.civilaffairs.cc.smpp.receipt.DeliveryReceipts;
import sa.civilaffairs.cc.smpp.redis.RedisInbound;

/**
 * The deliver_sm listener: persists and returns. A citizen's message is on {@code {sms}:inbound} (or its part in the
 * parts hash) before jSMPP sends deliver_sm_resp OK; a receipt is applied before it. When Redis cannot be reached the
 * answer is ESME_RX_T_APPN, a temporary error, so the SMSC keeps the message and sends it again. Called on jSMPP's
 * PDU processor threads; never closes or rebinds the session from here (jsmpp #193).
 *
 * <p>One listener per bound session ({@link #forSession}): the session id goes with each part to {@link RedisInbound},
 * which tells an SMSC's retransmission (another session, or a late resp, or an echo within seconds) from a citizen
 * sending the same text again. The time spent here is what delays deliver_sm_resp: past {@code respDoubtAfter} the
 * stored copy is marked late, as the SMSC may have timed out waiting and will resend it.
 */
public final class MoReceiver implements MessageReceiverListener {
    private static final Logger log = LoggerFactory.getLogger(MoReceiver.class);

    private final RedisInbound inbound;
    private final DeliveryReceipts receipts;
    private final GatewayMetrics metrics;
    private final String bind;
    private final long doubtNanos;
    private final String session;

    /** The listener of the sessions of the bind named {@code bind}, before any is bound. */
    public MoReceiver(String bind, RedisInbound inbound, DeliveryReceipts receipts, GatewayMetrics metrics,
                      Duration respDoubtAfter) {
        this(bind, inbound, receipts, metrics, respDoubtAfter.toNanos(), bind);
    }

    private MoReceiver(String bind, RedisInbound inbound, DeliveryReceipts receipts, GatewayMetrics metrics,
                       long doubtNanos, String session) {
        this.bind = bind;
        this.inbound = inbound;
        this.receipts = receipts;
        this.metrics = metrics;
        this.doubtNanos = doubtNanos;
        this.session = session;
    }

    /** The listener of one bound session, {@code sessionId} unique to it (never reused after a rebind). */
    public MoReceiver forSession(String sessionId) {
        return new MoReceiver(bind, inbound, receipts, metrics, doubtNanos, sessionId);
    }

    @Override
    public void onAcceptDeliverSm(DeliverSm deliverSm) throws ProcessRequestException {
        long start = System.nanoTime();
        try {
            if (DeliverSmReader.isReceipt(deliverSm)) {
                receipts.onReceipt(bind, DeliverSmReader.readReceipt(deliverSm));
                return;
            }
            MoPart part = DeliverSmReader.readMessage(deliverSm);
            RedisInbound.Outcome outcome = inbound.store(part, session, Instant.now(),
                    System.nanoTime() - start > doubtNanos);
            if (outcome != RedisInbound.Outcome.PARTIAL && System.nanoTime() - start > doubtNanos) {
                markLate(part);
            }
            switch (outcome) {
                case STORED -> {
                    metrics.moParts.increment();
                    metrics.moStored.increment();
                }
                case PARTIAL -> metrics.moParts.increment();
                case DUPLICATE -> metrics.moDuplicates.increment();
            }
        } catch (JedisException e) {
            metrics.moTemporaryErrors.increment();
            log.warn("deliver_sm not stored, answered ESME_RX_T_APPN so the SMSC retries: {}", e.toString());
            throw new ProcessRequestException("storage unavailable", SMPPConstant.STAT_ESME_RX_T_APPN, e);
        } catch (IllegalArgumentException e) {
            log.warn("deliver_sm refused as malformed (ESME_RX_P_APPN): {}", e.getMessage());
            throw new ProcessRequestException(e.getMessage(), SMPPConstant.STAT_ESME_RX_P_APPN, e);
        }
    }

    /** The message is stored: failing to mark it late must not make the SMSC resend it, at worst it is stored twice. */
    private void markLate(MoPart part) {
        metrics.moLateResponses.increment();
        try {
            inbound.markLate(part);
        } catch (JedisException e) {
            log.warn("deliver_sm stored but not marked as answered late: {}", e.toString());
        }
    }

    @Override
    public void onAcceptAlertNotification(AlertNotification alertNotification) {
        // nothing waits on a handset becoming reachable: the SMSC retries its own store
    }

    @Override
    public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) throws ProcessRequestException {
        throw new ProcessRequestException("data_sm is not used on this link", SMPPConstant.STAT_ESME_RINVCMDID);
    }
}
