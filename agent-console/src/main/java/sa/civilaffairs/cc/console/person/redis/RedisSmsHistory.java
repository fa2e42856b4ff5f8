package sa.civilaffairs.cc.console.person.redis;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.resps.StreamEntry;
import sa.civilaffairs.cc.console.person.HistoryItem;
import sa.civilaffairs.cc.console.person.PersonHistory;
import sa.civilaffairs.cc.identity.Mobile;
import sa.civilaffairs.cc.identity.NationalId;
import sa.civilaffairs.cc.outbox.Lane;
import sa.civilaffairs.cc.outbox.redis.OutboxStreams;
import sa.civilaffairs.cc.registry.Person;

/**
 * The person card's SMS, sent and received, for the registry's mobile of the person: the newest {@link #WINDOW}
 * entries of each outbox lane and of the gateway's inbound stream, matched by number. The streams are the SMS
 * gateway's and are trimmed by it; this reads only (XREVRANGE), a bounded amount per lookup.
 */
public final class RedisSmsHistory implements PersonHistory {
    /** The SMS gateway's stream of received messages (fields {@code from}, {@code text}, {@code receivedAt}). */
    public static final String INBOUND = "{sms}:inbound";
    /** How many of the newest entries of each stream a lookup reads. */
    public static final int WINDOW = 100;
    private static final int SUMMARY = 70;

    private final UnifiedJedis redis;

    public RedisSmsHistory(UnifiedJedis redis) {
        this.redis = redis;
    }

    @Override
    public List<HistoryItem> of(NationalId person, int limit) {
        return List.of();
    }

    @Override
    public List<HistoryItem> of(Person person, int limit) {
        if (person.mobile().isEmpty()) {
            return List.of();
        }
        Mobile mobile = person.mobile().get();
        List<HistoryItem> items = new ArrayList<>();
        for (Lane lane : Lane.values()) {
            for (StreamEntry e : newest(OutboxStreams.key(lane))) {
                Map<String, String> f = e.getFields();
                if (same(mobile, f.get("to"))) {
                    items.add(new HistoryItem(HistoryItem.Kind.SMS_OUT, Optional.empty(), f.getOrDefault("template", ""),
                            Instant.ofEpochMilli(e.getID().getTime()), summary(f.get("text"))));
                }
            }
        }
        for (StreamEntry e : newest(INBOUND)) {
            Map<String, String> f = e.getFields();
            if (same(mobile, f.get("from"))) {
                items.add(new HistoryItem(HistoryItem.Kind.SMS_IN, Optional.empty(), "",
                        Instant.ofEpochMilli(e.getID().getTime()), summary(f.get("text"))));
            }
        }
        return items.size() > limit ? items.subList(0, limit) : items;
    }

    @Override
    public Set<NationalId> idsByMobile(Mobile mobile) {
        return Set.of();
    }

    private List<StreamEntry> newest(String key) {
        return redis.xrevrange(key, (StreamEntryID) null, (StreamEntryID) null, WINDOW);
    }

    private static boolean same(Mobile mobile, String number) {
        return number != null && Mobile.tryParse(number).filter(mobile::equals).isPresent();
    }

    private static String summary(String text) {
        if (text == null) {
            return "";
        }
        return text.length() <= SUMMARY ? text : text.substring(0, SUMMARY) + "…";
    }
}
