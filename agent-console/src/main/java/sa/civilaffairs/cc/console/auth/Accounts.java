package sa.civilaffairs.cc.console.auth;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import sa.civilaffairs.cc.console.audit.Actor;
import sa.civilaffairs.cc.console.audit.AuditAction;
import sa.civilaffairs.cc.console.audit.AuditLog;

/** Account administration: list and add accounts (admins only; every addition audited). Blocking: use a worker. */
public final class Accounts {
    private final Users users;
    private final PasswordHasher hasher;
    private final AuditLog audit;
    private final Clock clock;

    public Accounts(Users users, PasswordHasher hasher, AuditLog audit, Clock clock) {
        this.users = users;
        this.hasher = hasher;
        this.audit = audit;
        this.clock = clock;
    }

    public List<ConsoleUser> list() {
        return users.all();
    }

    /** Adds an account; {@code false} when the username is taken. Inputs are validated by the caller. */
    public boolean create(String username, String displayName, Role role, String password, Actor by) {
        ConsoleUser user = new ConsoleUser(username, displayName.strip(), role, hasher.hash(password), clock.instant(),
                by.username());
        if (!users.create(user)) {
            return false;
        }
        audit.append(by.did(AuditAction.USER_CREATE, Optional.empty(), username + " as " + role.code()));
        return true;
    }

    /** Writes the accounts file's accounts, replacing accounts of the same name. */
    public void seed(List<AccountsFile.Seed> seeds) {
        for (AccountsFile.Seed s : seeds) {
            users.put(s.user());
        }
    }
}
