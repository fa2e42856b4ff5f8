package sa.civilaffairs.cc.outbox.redis;

import sa.civilaffairs.cc.outbox.Lane;

/**
 * Key names of the outbox streams, one per lane. The {@code {sms}} hash tag keeps them in one Redis Cluster slot so a
 * single XREADGROUP can read all lanes.
 */
public final class OutboxStreams {
    public static final String CONSUMER_GROUP = "sms-gateway";

    private OutboxStreams() {
    }

    public static String key(Lane lane) {
        return "{sms}:outbox:" + lane.name().toLowerCase(java.util.Locale.ROOT);
    }
}
