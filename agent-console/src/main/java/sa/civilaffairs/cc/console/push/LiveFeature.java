package sa.civilaffairs.cc.console.push;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import sa.civilaffairs.cc.console.chat.ChatException;
import sa.civilaffairs.cc.console.chat.ChatDesk;
import sa.civilaffairs.cc.console.chat.DeskMessage;
import sa.civilaffairs.cc.console.chat.Conversation;
import java.util.Optional;
import sa.civilaffairs.cc.console.audit.AuditAction;
import sa.civilaffairs.cc.console.audit.AuditLog;
import sa.civilaffairs.cc.console.chat.ChatJson;
import sa.civilaffairs.cc.console.live.ScreenPop;
import sa.civilaffairs.cc.console.dashboard.DashboardFigures;
import sa.civilaffairs.cc.console.live.AgentControl;
import sa.civilaffairs.cc.console.live.ControlOutcome;
import sa.civilaffairs.cc.console.live.LiveView;
import sa.civilaffairs.cc.console.web.Access;
import sa.civilaffairs.cc.console.web.ApiCall;
import sa.civilaffairs.cc.console.web.ApiException;
import sa.civilaffairs.cc.console.web.ConsoleFeature;
import sa.civilaffairs.cc.console.web.NavLink;
import sa.civilaffairs.cc.console.web.Page;
import sa.civilaffairs.cc.console.web.Routes;

/**
 * The live contact center's screens and API: the agent's calls page (screen pop, state), the SMS chat inbox, the
 * supervisor dashboard, and the event stream that feeds all three.
 */
public final class LiveFeature implements ConsoleFeature {
    static final Page CALLS = new Page("/sa/civilaffairs/cc/console/push/pages/calls.html", "ui.live.title", "calls");
    static final Page CHAT = new Page("/sa/civilaffairs/cc/console/push/pages/chat.html", "ui.chat.title", "chat");
    static final Page DASHBOARD = new Page("/sa/civilaffairs/cc/console/push/pages/dashboard.html",
            "ui.dashboard.title", "dashboard");
    private static final int MAX_REPLY = 612; // four UCS-2 segments
    private static final int MAX_REASON = 40;

    private final LivePush push;
    private final LiveView view;
    private final AgentControl control;
    private final ChatDesk chat;
    private final DashboardFigures figures;
    private final AuditLog audit;
    private final Clock clock;

    /** A citizen's chat conversation was opened on an agent's screen (its messages may hold personal data). */
    public static final AuditAction CHAT_VIEW = new AuditAction("CHAT_VIEW");
    /** An agent answered a citizen by SMS from the chat inbox. */
    public static final AuditAction CHAT_REPLY = new AuditAction("CHAT_REPLY");

    public LiveFeature(LivePush push, LiveView view, AgentControl control, ChatDesk chat, DashboardFigures figures,
                       AuditLog audit, Clock clock) {
        this.push = push;
        this.view = view;
        this.control = control;
        this.chat = chat;
        this.figures = figures;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public List<NavLink> navigation() {
        return List.of(new NavLink("/calls", "ui.nav.calls", Access.AGENT, "c"),
                new NavLink("/chat", "ui.nav.chat", Access.AGENT, "m"),
                new NavLink("/dashboard", "ui.nav.dashboard", Access.SUPERVISOR, "d"));
    }

    @Override
    public void mount(Routes routes) {
        routes.page("/calls", Access.AGENT, CALLS)
                .page("/chat", Access.AGENT, CHAT)
                .page("/dashboard", Access.SUPERVISOR, DASHBOARD)
                .stream("/api/live/events", Access.AGENT, push::open)
                .post("/api/live/state", Access.AGENT, this::setState)
                .get("/api/live/snapshot", Access.SUPERVISOR, c -> new JsonObject(push.lastSnapshotJson()))
                .get("/api/dashboard/figures", Access.SUPERVISOR, c -> figures.json())
                .get("/api/chat/conversations", Access.AGENT, this::conversations)
                .get("/api/chat/conversations/:id", Access.AGENT, this::conversation)
                .post("/api/chat/conversations/:id/claim", Access.AGENT, this::claim)
                .post("/api/chat/conversations/:id/reply", Access.AGENT, this::reply)
                .post("/api/chat/conversations/:id/close", Access.AGENT, this::close);
    }

    /** {@code {state: READY | PAUSED | WRAP_UP, reason?}}: QueuePause through Asterisk; the new state arrives live. */
    JsonObject setState(ApiCall call) throws Exception {
        String agent = call.session().username();
        if (view.snapshot().agent(agent).isEmpty()) {
            throw ApiException.of(409, "NOT_A_QUEUE_MEMBER", "error.live.notMember");
        }
        String state = call.input("state").toUpperCase(Locale.ROOT);
        String reason = call.input("reason");
        ControlOutcome outcome;
        try {
            outcome = switch (state) {
                case "READY" -> control.ready(agent).toCompletableFuture().get(5, TimeUnit.SECONDS);
                case "WRAP_UP" -> control.wrapUp(agent).toCompletableFuture().get(5, TimeUnit.SECONDS);
                case "PAUSED" -> {
                    if (reason.isEmpty() || reason.length() > MAX_REASON) {
                        throw ApiException.invalidWith(400, "INVALID_INPUT", "reason", "field.live.reason");
                    }
                    yield control.pause(agent, reason).toCompletableFuture().get(5, TimeUnit.SECONDS);
                }
                default -> throw ApiException.invalidWith(400, "INVALID_INPUT", "state", "field.live.state");
            };
        } catch (TimeoutException e) {
            throw ApiException.of(504, "AMI_TIMEOUT", "error.live.amiTimeout");
        }
        if (!outcome.done()) {
            throw ApiException.of(409, "AMI_REFUSED", "error.live.refused", outcome.message());
        }
        return new JsonObject().put("done", true).put("message", outcome.message());
    }

    JsonObject conversations(ApiCall call) {
        Instant now = clock.instant();
        JsonArray list = new JsonArray();
        chat.active().forEach(c -> list.add(ChatJson.conversation(c, now)));
        return new JsonObject().put("conversations", list).put("now", now.toString());
    }

    JsonObject conversation(ApiCall call) {
        String id = call.pathParam("id");
        Conversation c = chat.conversation(id).orElseThrow(() -> ApiException.of(404, "NOT_FOUND", "error.notFound"));
        JsonArray messages = new JsonArray();
        chat.messages(id, 200).forEach(m -> messages.add(ChatJson.message(m)));
        audit.append(call.actor().did(CHAT_VIEW, Optional.empty(), "conversation " + id + ", "
                + ScreenPop.maskNumber(c.citizen().e164())));
        return new JsonObject().put("conversation", ChatJson.conversation(c, clock.instant()))
                .put("messages", messages);
    }

    JsonObject claim(ApiCall call) {
        try {
            Conversation c = chat.claim(call.pathParam("id"), call.session().username(), clock.instant());
            return new JsonObject().put("conversation", ChatJson.conversation(c, clock.instant()));
        } catch (ChatException e) {
            throw refusal(e);
        }
    }

    JsonObject reply(ApiCall call) {
        String text = call.raw("text").strip();
        if (text.isEmpty() || text.length() > MAX_REPLY) {
            throw ApiException.invalidWith(400, "INVALID_INPUT", "text", "field.chat.text");
        }
        try {
            DeskMessage m = chat.reply(call.pathParam("id"), call.session().username(), text, clock.instant());
            audit.append(call.actor().did(CHAT_REPLY, Optional.empty(), "conversation " + m.conversationId()
                    + ", sms " + m.smsId()));
            return new JsonObject().put("message", ChatJson.message(m));
        } catch (ChatException e) {
            throw refusal(e);
        }
    }

    JsonObject close(ApiCall call) {
        try {
            Conversation c = chat.close(call.pathParam("id"), call.session().username(), clock.instant());
            return new JsonObject().put("conversation", ChatJson.conversation(c, clock.instant()));
        } catch (ChatException e) {
            throw refusal(e);
        }
    }

    private static ApiException refusal(ChatException e) {
        return switch (e.reason()) {
            case UNKNOWN_CONVERSATION -> ApiException.of(404, "NOT_FOUND", "error.notFound");
            case ALREADY_CLAIMED -> ApiException.of(409, "CHAT_ALREADY_CLAIMED", "error.chat.alreadyClaimed");
            case NOT_YOURS -> ApiException.of(403, "CHAT_NOT_YOURS", "error.chat.notYours");
            case CLOSED -> ApiException.of(409, "CHAT_CLOSED", "error.chat.closed");
        };
    }
}
