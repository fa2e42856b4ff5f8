package sa.civilaffairs.cc.console.auth;

import java.util.List;
import java.util.Optional;

/** The console's accounts, shared by every console instance. Thread-safe; calls block (Redis): use a worker. */
public interface Users {
    Optional<ConsoleUser> find(String username);

    /** Adds {@code user}; {@code false} (and nothing changed) when the username is taken. */
    boolean create(ConsoleUser user);

    /** Adds or replaces {@code user}: the accounts file is authoritative for the accounts it names. */
    void put(ConsoleUser user);

    /** Every account, by username. */
    List<ConsoleUser> all();
}
