package sa.civilaffairs.cc.console.web;

import io.vertx.core.http.Cookie;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import sa.civilaffairs.cc.console.audit.Actor;
import sa.civilaffairs.cc.console.session.ConsoleSession;
import sa.civilaffairs.cc.text.Language;

/**
 * One API request as a handler sees it on its worker thread: the body, the user's language, who is calling, and what
 * the handler wants added to the response. Created on the event loop; handed over through the blocking call's future.
 */
public final class ApiCall {
    private final Language language;
    private final String address;
    private final JsonObject body;
    private final Map<String, String> pathParams;
    private final Optional<String> sessionToken;
    private ConsoleSession session;
    private int status = 200;
    private final List<Cookie> cookies = new ArrayList<>();

    ApiCall(Language language, String address, JsonObject body, Map<String, String> pathParams,
            Optional<String> sessionToken) {
        this.language = language;
        this.address = address;
        this.body = body == null ? new JsonObject() : body;
        this.pathParams = Map.copyOf(pathParams);
        this.sessionToken = sessionToken;
    }

    public Language language() {
        return language;
    }

    /** The client address (for the throttle and the audit log). */
    public String address() {
        return address;
    }

    public JsonObject body() {
        return body;
    }

    /** A body field as trimmed text: empty when absent or not a string/number. */
    public String input(String field) {
        Object v = body.getValue(field);
        return v instanceof String || v instanceof Number ? v.toString().strip() : "";
    }

    /** A body field as given (passwords are not trimmed). */
    public String raw(String field) {
        Object v = body.getValue(field);
        return v instanceof String s ? s : "";
    }

    public String pathParam(String name) {
        return pathParams.getOrDefault(name, "");
    }

    /** The signed-in user's session; present on every route that is not {@link Access#PUBLIC}. */
    public ConsoleSession session() {
        if (session == null) {
            throw new IllegalStateException("no session on a public route");
        }
        return session;
    }

    public Optional<String> sessionToken() {
        return sessionToken;
    }

    /** The signed-in user as the audit log records them. */
    public Actor actor() {
        return Actor.signedIn(session().username(), session().role(), address);
    }

    public ApiCall status(int status) {
        this.status = status;
        return this;
    }

    public ApiCall addCookie(Cookie cookie) {
        cookies.add(cookie);
        return this;
    }

    void session(ConsoleSession session) {
        this.session = session;
    }

    int status() {
        return status;
    }

    List<Cookie> cookies() {
        return cookies;
    }
}
