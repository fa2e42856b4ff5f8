package sa.civilaffairs.cc.outbox.redis;

import sa.civilaffairs.cc.outbox.Lane;

/**
 * Key names of the outbox streams, one per lane, and of the STOP list. The {@code {sms}} hash tag keeps them in one
 * Redis Cluster slot so a single XREADGROUP can read all lanes and one script can check the STOP list while taking.
 */
public final class OutboxStreams {
    public static final String CONSUMER_GROUP = "sms-gateway";
    /** Set of numbers (E.164 digits) that sent STOP: BULK is not sent to them. */
    public static final String STOP_LIST = "{sms}:stop";

    private OutboxStreams() {
    }

    public static String key(Lane lane) {
        return "{sms}:outbox:" + lane.name().toLowerCase(java.util.Locale.ROOT);
    }
}
