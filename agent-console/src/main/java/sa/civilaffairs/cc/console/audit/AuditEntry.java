package sa.civilaffairs.cc.console.audit;

import java.time.Instant;

/** An audit event as the log holds it: its position in the log ({@code id}) and when it was written. */
public record AuditEntry(String id, Instant at, AuditEvent event) {
}
