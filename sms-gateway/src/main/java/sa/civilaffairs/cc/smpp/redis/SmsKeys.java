package sa.civilaffairs.cc.smpp.redis;

import sa.civilaffairs.cc.outbox.Lane;
import sa.civilaffairs.cc.outbox.redis.OutboxStreams;

/**
 * Every Redis key the gateway uses, built here and nowhere else. All carry the {@code {sms}} hash tag of the outbox
 * streams, so each Lua script touches one Redis Cluster slot (the id map, the message records and the streams are
 * updated together). The day counters for the supervisor dashboard, {@code {sms}:stats:<day>}, are named by core
 * {@code outbox.redis.SmsDayCounts.key} (the console reads them) and counted in the Lua scripts ({@code mt_common.lua}).
 */
public final class SmsKeys {
    /** Prefix of every key; Lua scripts build the id-map keys from it. */
    public static final String PREFIX = "{sms}:";
    /** Where complete inbound messages are appended, for the dialog engine. */
    public static final String INBOUND = PREFIX + "inbound";
    /** Numbers (E.164 digits) that sent STOP: BULK is not sent to them. */
    public static final String STOP = OutboxStreams.STOP_LIST;

    private SmsKeys() {
    }

    public static String outbox(Lane lane) {
        return OutboxStreams.key(lane);
    }

    /** The last stored copy of a single-part inbound message with this fingerprint (session, time), for dedupe. */
    public static String moCopy(String fingerprint) {
        return PREFIX + "mo:copy:" + fingerprint;
    }

    /** Parts of a long inbound message received so far, by sequence number. */
    public static String moParts(String from, String to, int ref, int total) {
        return PREFIX + "mo:parts:" + from + ":" + to + ":" + ref + ":" + total;
    }

    /** The last stored copy of a long inbound message (same name space as its parts key), for dedupe. */
    public static String moDone(String from, String to, int ref, int total) {
        return moParts(from, to, ref, total) + ":copy";
    }

    /** An outbound message's record: state, parts, SMSC ids, client, callback. */
    public static String mt(String id) {
        return PREFIX + "mt:" + id;
    }

    /** An outbound message's state history, oldest first: {@code epochMillis|STATE|detail}. */
    public static String mtLog(String id) {
        return PREFIX + "mt:" + id + ":log";
    }
}
