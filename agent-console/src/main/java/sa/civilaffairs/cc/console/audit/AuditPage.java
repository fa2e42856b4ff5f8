package sa.civilaffairs.cc.console.audit;

import java.util.List;
import java.util.Optional;

/** One page of search results, newest first; {@code next} is present when older entries in the range remain. */
public record AuditPage(List<AuditEntry> entries, Optional<String> next) {
    public AuditPage {
        entries = List.copyOf(entries);
    }
}
