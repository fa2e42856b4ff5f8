package sa.civilaffairs.cc.console.audit.redis;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.resps.StreamEntry;
import sa.civilaffairs.cc.console.audit.AuditAction;
import sa.civilaffairs.cc.console.audit.AuditEntry;
import sa.civilaffairs.cc.console.audit.AuditEvent;
import sa.civilaffairs.cc.console.audit.AuditLog;
import sa.civilaffairs.cc.console.audit.AuditPage;
import sa.civilaffairs.cc.console.audit.AuditQuery;
import sa.civilaffairs.cc.console.auth.Role;
import sa.civilaffairs.cc.identity.NationalId;

/**
 * The audit log as one Redis stream, {@code console:audit}: only ever XADDed (never trimmed: the log is kept), entry
 * IDs are Redis-server milliseconds, so a date range is an ID range. A search walks the range newest first and
 * filters; it examines at most {@link #SCAN_LIMIT} entries per page and then hands back a cursor to go on.
 */
public final class RedisAuditLog implements AuditLog {
    public static final String KEY = "console:audit";
    static final int SCAN_LIMIT = 5_000;
    private static final int BATCH = 500;

    private final UnifiedJedis redis;

    public RedisAuditLog(UnifiedJedis redis) {
        this.redis = redis;
    }

    @Override
    public AuditEntry append(AuditEvent event) {
        Map<String, String> f = new HashMap<>();
        f.put("actor", event.actor());
        event.role().ifPresent(r -> f.put("role", r.code()));
        f.put("action", event.action().code());
        event.subject().ifPresent(id -> f.put("nid", id.value()));
        f.put("detail", event.detail());
        f.put("addr", event.address());
        StreamEntryID id = redis.xadd(KEY, StreamEntryID.NEW_ENTRY, f);
        return new AuditEntry(id.toString(), Instant.ofEpochMilli(id.getTime()), event);
    }

    @Override
    public AuditPage search(AuditQuery q) {
        String start = Long.toString(q.from().toEpochMilli());
        String end = q.before().map(b -> "(" + b).orElse(Long.toString(q.to().toEpochMilli() - 1));
        List<AuditEntry> found = new ArrayList<>();
        int examined = 0;
        String last = null;
        while (examined < SCAN_LIMIT) {
            List<StreamEntry> batch = redis.xrevrange(KEY, end, start, BATCH);
            for (StreamEntry e : batch) {
                examined++;
                last = e.getID().toString();
                AuditEntry entry = decode(e);
                if (q.matches(entry.event())) {
                    found.add(entry);
                    if (found.size() == q.limit()) {
                        return new AuditPage(found, Optional.of(last));
                    }
                }
            }
            if (batch.size() < BATCH) {
                return new AuditPage(found, Optional.empty());
            }
            end = "(" + last;
        }
        return new AuditPage(found, Optional.ofNullable(last));
    }

    private static AuditEntry decode(StreamEntry e) {
        Map<String, String> f = e.getFields();
        AuditEvent event = new AuditEvent(f.getOrDefault("actor", "?"), Role.fromCode(f.get("role")),
                new AuditAction(f.getOrDefault("action", "UNKNOWN")),
                Optional.ofNullable(f.get("nid")).filter(NationalId::isValid).map(NationalId::new),
                f.get("detail"), f.get("addr"));
        return new AuditEntry(e.getID().toString(), Instant.ofEpochMilli(e.getID().getTime()), event);
    }
}
