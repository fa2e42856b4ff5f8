package sa.civilaffairs.cc.console.web;

import io.vertx.core.json.JsonObject;

/**
 * An API operation. Runs on a worker thread (it may call Redis, the registry, Argon2id), after {@link Routes} has
 * checked the session, the role and the CSRF token. Returns the JSON body; refuses with {@link ApiException}.
 */
@FunctionalInterface
public interface ApiHandler {
    JsonObject handle(ApiCall call) throws Exception;
}
