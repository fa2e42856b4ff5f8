package sa.civilaffairs.cc.smpp.receipt;

import java.util.Optional;
import sa.civilaffairs.cc.smpp.GatewayMetrics;
import sa.civilaffairs.cc.smpp.outbound.StatusCallbacks;
import sa.civilaffairs.cc.smpp.redis.RedisMessages;

/**
 * Applies delivery receipts to outbound messages: by SMSC id in any of its forms, before or after the submit_sm_resp
 * was stored, and to a part whose response never came. A multi-part message is delivered only when every part is.
 * Thread-safe; blocks on Redis (a Redis failure propagates so the deliver_sm is answered with a temporary error).
 */
public final class DeliveryReceipts {
    private final RedisMessages messages;
    private final StatusCallbacks callbacks;
    private final GatewayMetrics metrics;

    public DeliveryReceipts(RedisMessages messages, StatusCallbacks callbacks, GatewayMetrics metrics) {
        this.messages = messages;
        this.callbacks = callbacks;
        this.metrics = metrics;
    }

    /** Applies {@code receipt}, which came over the bind named {@code bind}. */
    public void onReceipt(String bind, Receipt receipt) {
        Optional<RedisMessages.Change> change = messages.receipt(bind, receipt);
        metrics.receipt(change.isPresent() ? receipt.outcome().name().toLowerCase(java.util.Locale.ROOT) : "unmatched");
        change.ifPresent(c -> callbacks.changed(c.id(), c.state(), c.callback()));
    }
}
