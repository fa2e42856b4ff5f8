package sa.civilaffairs.cc.console.web;

import io.vertx.core.AsyncResult;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.exceptions.JedisException;
import sa.civilaffairs.cc.console.session.ConsoleSession;
import sa.civilaffairs.cc.console.session.Sessions;
import sa.civilaffairs.cc.text.Language;

/**
 * Declares the console's routes, each with the least {@link Access} that may call it, and gives every route the same
 * treatment: the session is loaded (and its idle clock restarted) and the role checked on every non-public route;
 * every state-changing request must be JSON, come from our own origin and, when signed in, carry the session's CSRF
 * token in {@code X-CSRF-Token}; the handler runs on the worker pool, never on the event loop; a refusal is JSON
 * {@code {code, message, fields}} in the user's language.
 */
public final class Routes {
    public static final String CSRF_HEADER = "X-CSRF-Token";
    public static final String SIGN_IN_PATH = "/sign-in";
    private static final Logger log = LoggerFactory.getLogger(Routes.class);

    private final Router router;
    private final WorkerExecutor worker;
    private final Sessions sessions;
    private final Messages messages;
    private final WebCookies cookies;
    private final ClientAddress addresses;
    private final PageRenderer pages;

    public Routes(Router router, WorkerExecutor worker, Sessions sessions, Messages messages, WebCookies cookies,
                  ClientAddress addresses, PageRenderer pages) {
        this.router = router;
        this.worker = worker;
        this.sessions = sessions;
        this.messages = messages;
        this.cookies = cookies;
        this.addresses = addresses;
        this.pages = pages;
    }

    public Routes get(String path, Access access, ApiHandler handler) {
        router.get(path).handler(ctx -> api(ctx, access, false, handler));
        return this;
    }

    /** A state-changing API route; its path must be under {@code /api/}, where request bodies are read. */
    public Routes post(String path, Access access, ApiHandler handler) {
        router.post(path).handler(ctx -> api(ctx, access, true, handler));
        return this;
    }

    public Routes put(String path, Access access, ApiHandler handler) {
        router.put(path).handler(ctx -> api(ctx, access, true, handler));
        return this;
    }

    public Routes delete(String path, Access access, ApiHandler handler) {
        router.delete(path).handler(ctx -> api(ctx, access, true, handler));
        return this;
    }

    /** A screen: rendered for users whose role {@code access} allows; others are sent to sign in or refused. */
    public Routes page(String path, Access access, Page page) {
        router.get(path).handler(ctx -> page(ctx, path, access, page));
        return this;
    }

    /**
     * A long-lived response (server-sent events): the session and role are checked on the worker pool, then
     * {@code handler} runs on the event loop with the session; a refusal is the usual JSON answer (401/403), which
     * an {@code EventSource} sees as a failed connection.
     */
    public Routes stream(String path, Access access, StreamHandler handler) {
        router.get(path).handler(ctx -> {
            Language language = WebCookies.language(ctx.request());
            Optional<String> token = cookies.sessionToken(ctx.request());
            worker.<ConsoleSession>executeBlocking(() -> {
                ConsoleSession session = token.flatMap(sessions::touch).orElseThrow(ApiException::sessionRequired);
                if (!access.allows(session.role())) {
                    throw ApiException.forbidden();
                }
                return session;
            }, false).onComplete(result -> {
                if (ctx.response().ended() || ctx.response().closed()) {
                    return;
                }
                if (result.failed()) {
                    refuse(ctx, language, result.cause());
                } else {
                    handler.open(ctx, result.result());
                }
            });
        });
        return this;
    }

    /** Opens a stream for a signed-in user; runs on the event loop and must not block. */
    @FunctionalInterface
    public interface StreamHandler {
        void open(RoutingContext ctx, ConsoleSession session);
    }

    /** The sessions store (a stream re-checks its session while it stays open). */
    public Sessions sessions() {
        return sessions;
    }

    /** The Vert.x router, for what is not an API route or a page (static files). */
    public Router router() {
        return router;
    }

    private void api(RoutingContext ctx, Access access, boolean stateChanging, ApiHandler handler) {
        HttpServerRequest req = ctx.request();
        Language language = WebCookies.language(req);
        JsonObject body = null;
        if (stateChanging) {
            String type = req.getHeader("Content-Type");
            if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
                refuse(ctx, language, ApiException.of(415, "NOT_JSON", "error.notJson"));
                return;
            }
            if (!sameOrigin(req)) {
                refuse(ctx, language, ApiException.of(403, "CROSS_SITE", "error.crossSite"));
                return;
            }
            try {
                body = ctx.body().length() == 0 ? new JsonObject() : ctx.body().asJsonObject();
            } catch (DecodeException | ClassCastException e) {
                refuse(ctx, language, ApiException.of(400, "BAD_JSON", "error.badJson"));
                return;
            }
            if (body == null) {
                body = new JsonObject();
            }
        } else {
            // A reading route's inputs are its query parameters (never personal data: those travel in POST bodies).
            body = new JsonObject();
            for (var param : ctx.queryParams()) {
                if (param.getValue().length() <= 64) {
                    body.put(param.getKey(), param.getValue());
                }
            }
        }
        Optional<String> token = cookies.sessionToken(req);
        String csrf = req.getHeader(CSRF_HEADER);
        ApiCall call = new ApiCall(language, addresses.of(req), body, ctx.pathParams(), token);
        worker.<JsonObject>executeBlocking(() -> {
            if (access != Access.PUBLIC) {
                ConsoleSession session = token.flatMap(sessions::touch).orElseThrow(ApiException::sessionRequired);
                if (!access.allows(session.role())) {
                    throw ApiException.forbidden();
                }
                if (stateChanging && !sameSecret(csrf, session.csrfToken())) {
                    throw ApiException.csrf();
                }
                call.session(session);
            }
            return handler.handle(call);
        }, false).onComplete(result -> reply(ctx, call, result));
    }

    private void reply(RoutingContext ctx, ApiCall call, AsyncResult<JsonObject> result) {
        if (ctx.response().ended() || ctx.response().closed()) {
            return;
        }
        if (result.failed()) {
            refuse(ctx, call.language(), result.cause());
            return;
        }
        HttpServerResponse res = ctx.response();
        call.cookies().forEach(res::addCookie);
        json(res, call.status()).end(result.result() == null ? "{}" : result.result().encode());
    }

    /** Writes a refusal: {@code {code, message, fields?}}, the message in {@code language}. */
    void refuse(RoutingContext ctx, Language language, Throwable failure) {
        ApiException e;
        if (failure instanceof ApiException a) {
            e = a;
        } else if (failure instanceof JedisException) {
            log.warn("Redis call failed: {}", failure.toString());
            e = ApiException.of(503, "STORE_UNAVAILABLE", "error.storeUnavailable");
        } else {
            log.error("request {} {} failed", ctx.request().method(), ctx.request().path(), failure);
            e = ApiException.of(500, "INTERNAL", "error.internal");
        }
        HttpServerResponse res = ctx.response();
        JsonObject body = new JsonObject().put("code", e.code())
                .put("message", messages.text(language, e.messageKey(), e.args()));
        if (!e.fields().isEmpty()) {
            JsonObject fields = new JsonObject();
            e.fields().forEach((name, m) -> fields.put(name, messages.text(language, m.key(), m.args())));
            body.put("fields", fields);
        }
        e.retryAfter().ifPresent(d -> res.putHeader("Retry-After", Long.toString(Math.max(1, d.toSeconds()))));
        if (e.status() == 401) {
            res.addCookie(cookies.endSession());
        }
        json(res, e.status()).end(body.encode());
    }

    private void page(RoutingContext ctx, String path, Access access, Page page) {
        HttpServerRequest req = ctx.request();
        String lang = req.getParam("lang");
        if (lang != null) {
            // The language switch is a plain link (works without script, keyboard-reachable): set and come back.
            ctx.response().addCookie(cookies.language(Language.fromCode(lang)));
            redirect(ctx, path);
            return;
        }
        Language language = WebCookies.pageLanguage(req);
        Optional<String> token = cookies.sessionToken(req);
        worker.<Optional<ConsoleSession>>executeBlocking(() -> token.flatMap(sessions::touch), false)
                .onComplete(result -> {
                    if (ctx.response().ended() || ctx.response().closed()) {
                        return;
                    }
                    if (result.failed()) {
                        pageFailure(ctx, language, 503, "error.storeUnavailable");
                        return;
                    }
                    Optional<ConsoleSession> session = result.result();
                    if (access == Access.PUBLIC) {
                        if (session.isPresent() && SIGN_IN_PATH.equals(req.path())) {
                            redirect(ctx, "/");
                            return;
                        }
                    } else if (session.isEmpty()) {
                        redirect(ctx, SIGN_IN_PATH);
                        return;
                    } else if (!access.allows(session.get().role())) {
                        pageFailure(ctx, language, 403, "error.forbidden");
                        return;
                    }
                    html(ctx.response(), 200).end(pages.render(page, language, session, req.path()));
                });
    }

    /** Answers what no route matched, and failures the router raised (405, 413...), as JSON or a small page. */
    public void fallbacks() {
        router.route().last().handler(ctx -> {
            Language language = WebCookies.language(ctx.request());
            if (ctx.request().path().startsWith("/api/")) {
                refuse(ctx, language, ApiException.of(404, "NOT_FOUND", "error.notFound"));
            } else {
                pageFailure(ctx, WebCookies.pageLanguage(ctx.request()), 404, "error.notFound");
            }
        });
        router.route().failureHandler(ctx -> {
            Language language = WebCookies.language(ctx.request());
            int status = ctx.statusCode() < 400 ? 500 : ctx.statusCode();
            if (ctx.response().ended()) {
                return;
            }
            ApiException e = switch (status) {
                case 404 -> ApiException.of(404, "NOT_FOUND", "error.notFound");
                case 405 -> ApiException.of(405, "METHOD_NOT_ALLOWED", "error.methodNotAllowed");
                case 413 -> ApiException.of(413, "BODY_TOO_LARGE", "error.bodyTooLarge");
                case 400 -> ApiException.of(400, "BAD_REQUEST", "error.badJson");
                default -> null;
            };
            if (e == null && ctx.failure() != null) {
                refuse(ctx, language, ctx.failure());
            } else {
                refuse(ctx, language, e != null ? e : ApiException.of(500, "INTERNAL", "error.internal"));
            }
        });
    }

    private void pageFailure(RoutingContext ctx, Language language, int status, String key) {
        html(ctx.response(), status).end(pages.renderError(language, messages.text(language, key)));
    }

    private static void redirect(RoutingContext ctx, String path) {
        ctx.response().setStatusCode(303).putHeader("Location", path).putHeader("Cache-Control", "no-store").end();
    }

    private static HttpServerResponse json(HttpServerResponse res, int status) {
        return res.setStatusCode(status).putHeader("Content-Type", "application/json; charset=utf-8")
                .putHeader("Cache-Control", "no-store");
    }

    private static HttpServerResponse html(HttpServerResponse res, int status) {
        return res.setStatusCode(status).putHeader("Content-Type", "text/html; charset=utf-8")
                .putHeader("Cache-Control", "no-store");
    }

    /**
     * A state-changing request from a page of ours: browsers send {@code Sec-Fetch-Site} (and {@code Origin}) on
     * such requests; a value naming another site is refused. Requests without either come from non-browser clients,
     * which hold no victim's cookies.
     */
    static boolean sameOrigin(HttpServerRequest req) {
        String site = req.getHeader("Sec-Fetch-Site");
        if (site != null && !site.equals("same-origin") && !site.equals("none")) {
            return false;
        }
        String origin = req.getHeader("Origin");
        if (origin == null) {
            return true;
        }
        String host = req.getHeader("Host");
        try {
            URI o = URI.create(origin);
            return host != null && o.getRawAuthority() != null && o.getRawAuthority().equalsIgnoreCase(host);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean sameSecret(String given, String expected) {
        if (given == null || expected == null) {
            return false;
        }
        return MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
    }
}
