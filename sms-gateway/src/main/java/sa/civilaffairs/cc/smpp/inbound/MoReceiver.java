package sa.civilaffairs.cc.smpp.inbound;

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
 */
public final class MoReceiver implements MessageReceiverListener {
    private static final Logger log = LoggerFactory.getLogger(MoReceiver.class);

    private final RedisInbound inbound;
    private final DeliveryReceipts receipts;
    private final GatewayMetrics metrics;
    private final String bind;

    /** The listener of the sessions of the bind named {@code bind}. */
    public MoReceiver(String bind, RedisInbound inbound, DeliveryReceipts receipts, GatewayMetrics metrics) {
        this.bind = bind;
        this.inbound = inbound;
        this.receipts = receipts;
        this.metrics = metrics;
    }

    @Override
    public void onAcceptDeliverSm(DeliverSm deliverSm) throws ProcessRequestException {
        try {
            if (DeliverSmReader.isReceipt(deliverSm)) {
                receipts.onReceipt(bind, DeliverSmReader.readReceipt(deliverSm));
                return;
            }
            MoPart part = DeliverSmReader.readMessage(deliverSm);
            switch (inbound.store(part, Instant.now())) {
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

    @Override
    public void onAcceptAlertNotification(AlertNotification alertNotification) {
        // nothing waits on a handset becoming reachable: the SMSC retries its own store
    }

    @Override
    public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) throws ProcessRequestException {
        throw new ProcessRequestException("data_sm is not used on this link", SMPPConstant.STAT_ESME_RINVCMDID);
    }
}
