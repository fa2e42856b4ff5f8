package sa.civilaffairs.cc.console.audit;

/**
 * The append-only record of every view and change of personal data. There is no way to edit or delete an entry
 * through this interface or the console; Redis ACLs should deny XDEL/XTRIM/DEL on it to the console's own user in
 * production. Thread-safe; calls block (Redis): use a worker.
 */
public interface AuditLog {
    /** Writes {@code event}; returns its entry. Throws when it cannot be written: callers must not show data then. */
    AuditEntry append(AuditEvent event);

    AuditPage search(AuditQuery query);
}
