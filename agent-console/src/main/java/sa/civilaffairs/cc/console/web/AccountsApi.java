package sa.civilaffairs.cc.console.web;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Optional;
import sa.civilaffairs.cc.console.auth.Accounts;
import sa.civilaffairs.cc.console.auth.ConsoleUser;
import sa.civilaffairs.cc.console.auth.PasswordHasher;
import sa.civilaffairs.cc.console.auth.Role;

/** {@code /api/users} (admins): list accounts (never their hashes) and add one. */
public final class AccountsApi {
    private final Accounts accounts;

    public AccountsApi(Accounts accounts) {
        this.accounts = accounts;
    }

    public JsonObject list(ApiCall call) {
        JsonArray users = new JsonArray();
        for (ConsoleUser u : accounts.list()) {
            users.add(new JsonObject().put("username", u.username()).put("displayName", u.displayName())
                    .put("role", u.role().code()).put("createdAt", u.createdAt().toString())
                    .put("createdBy", u.createdBy()));
        }
        return new JsonObject().put("users", users);
    }

    /** {@code {username, displayName, role, password}} → 201 {@code {username}}; 409 when the name is taken. */
    public JsonObject create(ApiCall call) {
        FieldErrors errors = new FieldErrors();
        String username = call.input("username");
        String displayName = call.input("displayName");
        String password = call.raw("password");
        if (username.isEmpty()) {
            errors.add("username", "field.required");
        } else if (!ConsoleUser.isUsername(username)) {
            errors.add("username", "field.username");
        }
        if (displayName.isEmpty()) {
            errors.add("displayName", "field.required");
        } else if (!ConsoleUser.isDisplayName(displayName)) {
            errors.add("displayName", "field.displayName");
        }
        Optional<Role> role = Role.fromCode(call.input("role"));
        if (call.input("role").isEmpty()) {
            errors.add("role", "field.required");
        } else if (role.isEmpty()) {
            errors.add("role", "field.role");
        }
        if (password.isEmpty()) {
            errors.add("password", "field.required");
        } else if (password.length() < PasswordHasher.MIN_LENGTH || password.length() > PasswordHasher.MAX_LENGTH) {
            errors.add("password", "field.password.length", Integer.toString(PasswordHasher.MIN_LENGTH),
                    Integer.toString(PasswordHasher.MAX_LENGTH));
        } else if (password.strip().equalsIgnoreCase(username)) {
            errors.add("password", "field.password.sameAsUsername");
        }
        errors.throwIfAny();
        if (!accounts.create(username, displayName, role.get(), password, call.actor())) {
            throw ApiException.invalidWith(409, "USER_EXISTS", "username", "field.username.taken");
        }
        call.status(201);
        return new JsonObject().put("username", username).put("role", role.get().code());
    }
}
