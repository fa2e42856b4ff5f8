package sa.civilaffairs.cc.smpp;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counters of the gateway, read as Prometheus text on {@code GET /metrics}. Updating is lock-free; thread-safe.
 */
public final class GatewayMetrics {
    public final LongAdder moStored = new LongAdder();
    public final LongAdder moParts = new LongAdder();
    public final LongAdder moDuplicates = new LongAdder();
    /** Stored MO whose deliver_sm_resp left after inbound.respDoubtAfter (their copies dedupe for the whole window). */
    public final LongAdder moLateResponses = new LongAdder();
    public final LongAdder moTemporaryErrors = new LongAdder();
    public final LongAdder mtMessages = new LongAdder();
    public final LongAdder mtSegments = new LongAdder();
    public final LongAdder mtThrottled = new LongAdder();
    public final LongAdder mtRefused = new LongAdder();
    public final LongAdder mtNoResponse = new LongAdder();
    public final LongAdder mtSuppressed = new LongAdder();
    private final Map<String, LongAdder> receipts = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> windowInUse = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> bound = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> bindsUp = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> bindsDown = new ConcurrentHashMap<>();

    public void receipt(String outcome) {
        receipts.computeIfAbsent(outcome, k -> new LongAdder()).increment();
    }

    public AtomicInteger window(String bind) {
        return windowInUse.computeIfAbsent(bind, k -> new AtomicInteger());
    }

    public void bindUp(String session) {
        bound.computeIfAbsent(session, k -> new AtomicInteger()).set(1);
        bindsUp.computeIfAbsent(session, k -> new LongAdder()).increment();
    }

    public void bindDown(String session) {
        bound.computeIfAbsent(session, k -> new AtomicInteger()).set(0);
        bindsDown.computeIfAbsent(session, k -> new LongAdder()).increment();
    }

    /** Sessions bound now. */
    public int boundSessions() {
        return bound.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    public String prometheus() {
        StringBuilder sb = new StringBuilder(2048);
        counter(sb, "sms_mo_messages_total", "complete inbound messages stored", moStored.sum());
        counter(sb, "sms_mo_parts_total", "inbound deliver_sm (message parts) accepted", moParts.sum());
        counter(sb, "sms_mo_duplicates_total", "retransmitted deliver_sm recognised", moDuplicates.sum());
        counter(sb, "sms_mo_late_responses_total", "deliver_sm answered after inbound.respDoubtAfter",
                moLateResponses.sum());
        counter(sb, "sms_mo_temporary_errors_total", "deliver_sm answered ESME_RX_T_APPN (Redis down)",
                moTemporaryErrors.sum());
        counter(sb, "sms_mt_messages_total", "outbound messages taken from the outbox and submitted", mtMessages.sum());
        counter(sb, "sms_mt_segments_total", "submit_sm accepted by the SMSC", mtSegments.sum());
        counter(sb, "sms_mt_throttled_total", "submit_sm answered THROTTLED or MSGQFUL (retried)", mtThrottled.sum());
        counter(sb, "sms_mt_refused_total", "submit_sm refused for good", mtRefused.sum());
        counter(sb, "sms_mt_no_response_total", "submit_sm without submit_sm_resp (UNKNOWN)", mtNoResponse.sum());
        counter(sb, "sms_mt_suppressed_total", "bulk messages not sent to STOP numbers", mtSuppressed.sum());
        sb.append("# HELP sms_dlr_total delivery receipts by outcome\n# TYPE sms_dlr_total counter\n");
        receipts.forEach((k, v) -> sb.append("sms_dlr_total{outcome=\"").append(k).append("\"} ").append(v.sum())
                .append('\n'));
        sb.append("# HELP sms_window_in_use submit_sm awaiting their response\n# TYPE sms_window_in_use gauge\n");
        windowInUse.forEach((k, v) -> sb.append("sms_window_in_use{bind=\"").append(k).append("\"} ").append(v.get())
                .append('\n'));
        sb.append("# HELP sms_bind_up 1 when the session is bound\n# TYPE sms_bind_up gauge\n");
        bound.forEach((k, v) -> sb.append("sms_bind_up{session=\"").append(k).append("\"} ").append(v.get())
                .append('\n'));
        sb.append("# HELP sms_binds_total bind and loss events\n# TYPE sms_binds_total counter\n");
        bindsUp.forEach((k, v) -> sb.append(String.format(Locale.ROOT, "sms_binds_total{session=\"%s\",event=\"up\"} %d%n",
                k, v.sum())));
        bindsDown.forEach((k, v) -> sb.append(String.format(Locale.ROOT,
                "sms_binds_total{session=\"%s\",event=\"down\"} %d%n", k, v.sum())));
        return sb.toString();
    }

    private static void counter(StringBuilder sb, String name, String help, long value) {
        sb.append("# HELP ").append(name).append(' ').append(help).append('\n');
        sb.append("# TYPE ").append(name).append(" counter\n");
        sb.append(name).append(' ').append(value).append('\n');
    }
}
