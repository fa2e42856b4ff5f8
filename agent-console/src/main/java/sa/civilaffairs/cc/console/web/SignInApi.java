package sa.civilaffairs.cc.console.web;

import io.vertx.core.json.JsonObject;
import java.util.Optional;
import sa.civilaffairs.cc.console.audit.AuditAction;
import sa.civilaffairs.cc.console.audit.AuditLog;
import sa.civilaffairs.cc.console.auth.PasswordHasher;
import sa.civilaffairs.cc.console.auth.SignIn;
import sa.civilaffairs.cc.console.session.ConsoleSession;
import sa.civilaffairs.cc.console.session.Sessions;

/** {@code /api/sign-in}, {@code /api/sign-out}, {@code /api/session}. */
public final class SignInApi {
    private final SignIn signIn;
    private final Sessions sessions;
    private final AuditLog audit;
    private final WebCookies cookies;

    public SignInApi(SignIn signIn, Sessions sessions, AuditLog audit, WebCookies cookies) {
        this.signIn = signIn;
        this.sessions = sessions;
        this.audit = audit;
        this.cookies = cookies;
    }

    /** {@code {username, password}} → the session cookie, and {@code {username, displayName, role, csrfToken}}. */
    public JsonObject signIn(ApiCall call) {
        String username = call.input("username");
        String password = call.raw("password");
        FieldErrors errors = new FieldErrors();
        if (username.isEmpty()) {
            errors.add("username", "field.required");
        } else if (username.length() > 64) {
            errors.add("username", "field.tooLong", "64");
        }
        if (password.isEmpty()) {
            errors.add("password", "field.required");
        } else if (password.length() > PasswordHasher.MAX_LENGTH) {
            errors.add("password", "field.tooLong", Integer.toString(PasswordHasher.MAX_LENGTH));
        }
        errors.throwIfAny();
        SignIn.Outcome outcome = signIn.attempt(username, password, call.address());
        if (outcome instanceof SignIn.Outcome.Throttled t) {
            throw ApiException.throttled(t.retryAfter());
        }
        if (!(outcome instanceof SignIn.Outcome.SignedIn signed)) {
            throw ApiException.of(401, "SIGN_IN_REFUSED", "error.signInRefused");
        }
        // A sign-in replaces whatever session the browser had (no session fixation).
        call.sessionToken().ifPresent(sessions::close);
        call.addCookie(cookies.session(signed.session().token()));
        return describe(signed.session().session());
    }

    public JsonObject signOut(ApiCall call) {
        call.sessionToken().ifPresent(sessions::close);
        audit.append(call.actor().did(AuditAction.SIGN_OUT, Optional.empty(), ""));
        call.addCookie(cookies.endSession());
        return new JsonObject().put("signedOut", true);
    }

    public JsonObject session(ApiCall call) {
        return describe(call.session());
    }

    private static JsonObject describe(ConsoleSession s) {
        return new JsonObject().put("username", s.username()).put("displayName", s.displayName())
                .put("role", s.role().code()).put("csrfToken", s.csrfToken());
    }
}
