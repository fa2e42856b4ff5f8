package sa.civilaffairs.cc.console.push;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.StringJoiner;
import sa.civilaffairs.cc.console.live.AgentState;
import sa.civilaffairs.cc.console.live.AgentView;
import sa.civilaffairs.cc.console.live.LiveSnapshot;
import sa.civilaffairs.cc.console.live.QueueView;
import sa.civilaffairs.cc.console.live.ScreenPop;
import sa.civilaffairs.cc.console.live.WaitingCall;

/** The JSON the browsers receive for pops, agent views and supervisor snapshots. */
public final class LiveJson {
    /** Where "continue the booking" leads; the booking page reads these query parameters (docs/readme-live.md). */
    public static final String BOOKING_PATH = sa.civilaffairs.cc.console.appointments.AppointmentsFeature.PATH;

    private LiveJson() {
    }

    /** A pop for the agent's own screen: the national ID and caller number in full (never logged). */
    public static JsonObject pop(ScreenPop p) {
        JsonObject o = new JsonObject()
                .put("agent", p.agent())
                .put("callId", p.callId())
                .put("callerNumber", p.callerNumber())
                .put("queue", p.queue())
                .put("at", p.at().toString())
                .put("atMillis", p.at().toEpochMilli());
        if (p.language() != null) {
            o.put("language", p.language().code());
        }
        if (p.nationalId() != null) {
            o.put("nationalId", p.nationalId().value());
        }
        if (p.intent() != null) {
            o.put("intent", p.intent());
        }
        if (p.trail() != null) {
            o.put("trail", p.trail());
        }
        if (p.reference() != null) {
            o.put("reference", p.reference().value());
        }
        o.put("bookingUrl", bookingUrl(p));
        return o;
    }

    /**
     * {@code /appointments?nid=…&service=…&ref=…&intent=…&trail=…&callerLanguage=…&call=…}: what the IVR learnt, for the
     * booking page to prefill. {@code service} is the service number the caller chose in the IVR's booking menu (the
     * third step of {@code CC_TRAIL} when the intent is {@code book}); absent parts are left out.
     */
    public static String bookingUrl(ScreenPop p) {
        StringJoiner q = new StringJoiner("&", BOOKING_PATH + "?", "").setEmptyValue(BOOKING_PATH);
        if (p.nationalId() != null) {
            q.add("nid=" + enc(p.nationalId().value()));
        }
        String service = serviceChoice(p.intent(), p.trail());
        if (service != null) {
            q.add("service=" + enc(service));
        }
        if (p.reference() != null) {
            q.add("ref=" + enc(p.reference().value()));
        }
        if (p.intent() != null) {
            q.add("intent=" + enc(p.intent()));
        }
        if (p.trail() != null) {
            q.add("trail=" + enc(p.trail()));
        }
        if (p.language() != null) {
            q.add("callerLanguage=" + p.language().code()); // not "lang": that switches the console's language
        }
        q.add("call=" + enc(p.callId()));
        return q.toString();
    }

    /** The IVR's menu path is language > main menu > service: {@code 1>1>3} books service 3. */
    static String serviceChoice(String intent, String trail) {
        if (trail == null || !"book".equals(intent)) {
            return null;
        }
        String[] steps = trail.split(">");
        return steps.length >= 3 && steps[2].matches("[0-9]{1,2}") ? steps[2] : null;
    }

    public static JsonObject agent(AgentView a) {
        JsonObject o = new JsonObject().put("agent", a.agent()).put("state", a.state().name())
                .put("since", a.since() == null ? null : a.since().toString())
                .put("queues", new JsonArray(a.queues()));
        if (a.pauseReason() != null) {
            o.put("reason", a.pauseReason());
        }
        if (a.callId() != null) {
            o.put("callId", a.callId());
        }
        if (a.wrapUpUntil() != null) {
            o.put("wrapUpUntil", a.wrapUpUntil().toString());
        }
        return o;
    }

    /** The supervisor view: no national IDs, caller numbers masked. */
    public static JsonObject snapshot(LiveSnapshot s, Instant now) {
        return snapshot(s, now, null);
    }

    /** With {@code online}: each agent says whether a console page of theirs has its live stream open. */
    public static JsonObject snapshot(LiveSnapshot s, Instant now, java.util.Set<String> online) {
        JsonArray queues = new JsonArray();
        for (QueueView q : s.queues()) {
            JsonArray calls = new JsonArray();
            for (WaitingCall w : q.waiting()) {
                calls.add(new JsonObject().put("callId", w.callId()).put("caller", w.callerNumberMasked())
                        .put("language", w.language() == null ? null : w.language().code())
                        .put("intent", w.intent()).put("joinedAt", w.joinedAt().toString())
                        .put("waitedSeconds", w.waited(now).toSeconds()));
            }
            queues.add(new JsonObject().put("queue", q.queue()).put("waiting", q.waiting().size())
                    .put("longestWaitSeconds", q.longestWait(now).toSeconds())
                    .put("abandonedToday", q.abandonedToday()).put("calls", calls));
        }
        JsonArray agents = new JsonArray();
        s.agents().forEach(a -> {
            JsonObject o = agent(a);
            if (online != null) {
                o.put("online", online.contains(a.agent()));
            }
            agents.add(o);
        });
        JsonObject byState = new JsonObject();
        for (Map.Entry<AgentState, Integer> e : s.agentsByState().entrySet()) {
            byState.put(e.getKey().name(), e.getValue());
        }
        return new JsonObject().put("version", s.version()).put("at", now.toString()).put("ami", s.ami().name())
                .put("waiting", s.waitingCount()).put("longestWaitSeconds", s.longestWait(now).toSeconds())
                .put("abandonedToday", s.abandonedToday()).put("agentsByState", byState)
                .put("queues", queues).put("agents", agents);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
